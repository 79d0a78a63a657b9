package az.disclose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.InboxSettingsLoader;
import az.disclose.inbox.mail.MailSettings;
import az.disclose.inbox.mail.MailStore;
import az.disclose.inbox.mail.OutboxSender;
import az.disclose.inbox.model.Channel;
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.model.Submission;
import az.disclose.inbox.model.Urgency;
import az.disclose.inbox.store.Inbox;
import az.disclose.site.TestSites;
import az.disclose.testing.CliRun;
import az.disclose.testing.CliRun.Result;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code requests answer} (and the other actions that tell the requester) prints: what was
 * recorded, whether anything was e-mailed — mail off, no address, queued, queued while mail is
 * failing — and the private status page where the requester sees it in any case.
 */
class RequestNoticesTest {
  @TempDir Path tmp;
  Path config;

  private Result run(String... args) {
    return CliRun.run(List.of("requests", "--config", config.toString()), args);
  }

  /** Registers requests with these e-mail addresses; returns their numbers. */
  private List<String> register(String... emails) throws Exception {
    InboxSettings settings = InboxSettingsLoader.load(config, Map.of());
    try (Inbox inbox = Inbox.open(settings, TestSites.CONTENT, Clock.systemUTC())) {
      return java.util.Arrays.stream(emails).map(email -> {
        try {
          return inbox.register().register(new Submission(Channel.WEB, RequestType.INFORMATION, Urgency.NORMAL,
              "Aysel Məmmədova", email, "Hesabat", "Hesabatı göndərin.", "az", List.of(), new byte[] {1},
              "text/plain", "203.0.113.9")).number();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }).toList();
    }
  }

  private String token(String number) throws Exception {
    try (Inbox inbox = Inbox.open(InboxSettingsLoader.load(config, Map.of()), TestSites.CONTENT, Clock.systemUTC())) {
      return inbox.store().find(number).orElseThrow().statusToken();
    }
  }

  @Test
  void withMailOffTheAnswerSaysWhatWasRecordedThatNothingWasEmailedAndWhereTheRequesterSeesIt() throws Exception {
    config = Files.writeString(tmp.resolve("disclose.yaml"), "number_prefix: SEN\ndata_dir: data\n");
    String number = register("aysel@example.az").get(0);
    Path answer = Files.writeString(tmp.resolve("answer.md"), "**Cavab** hazırdır.\n");
    Path a = Files.write(tmp.resolve("hesabat.pdf"), "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
    Path b = Files.writeString(tmp.resolve("cədvəl.csv"), "il;say\n");

    Result r = run("answer", number, "--file", answer.toString(), "--attach", a.toString(), "--attach", b.toString(),
        "--actor", "leyla");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(number + ": ANSWERED recorded")
        .contains("Recorded: the answer, with 2 files (hesabat.pdf, cədvəl.csv); the request is now \"answered\".")
        .contains("Nothing was e-mailed: outgoing mail is off (no mail.smtp in the settings).")
        .contains("The requester sees it on the private status page: /requests/status/" + token(number));
  }

  @Test
  void everyActionThatTellsTheRequesterSaysSoWithMailOff() throws Exception {
    config = Files.writeString(tmp.resolve("disclose.yaml"), "number_prefix: SEN\ndata_dir: data\n");
    List<String> n = register("a@example.az", "b@example.az", "c@example.az", "d@example.az");
    Map<String, Result> results = Map.of(
        "extension", run("extend", n.get(0), "--reason", "məlumat toplanır", "--actor", "leyla"),
        "forwarding", run("forward", n.get(1), "--to", "İqtisadiyyat Nazirliyi", "--actor", "leyla"),
        "request for clarification", run("clarify", n.get(2), "--text", "Hansı il?", "--actor", "leyla"),
        "refusal", run("refuse", n.get(3), "--ground", "state-secret", "--actor", "leyla"));
    results.forEach((what, r) -> {
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).as(what).contains("Recorded: the " + what)
          .contains("Nothing was e-mailed: outgoing mail is off")
          .contains("The requester sees it on the private status page: /requests/status/");
    });
    assertThat(run("note", n.get(0), "--text", "daxili", "--actor", "leyla").out())
        .as("a note tells no one").doesNotContain("e-mailed").doesNotContain("status page");
  }

  @Test
  void withMailOnTheAnswerIsQueuedAndWhenSendingFailsItSaysNothingWasEmailedYet() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    config = Files.writeString(tmp.resolve("disclose.yaml"), """
        number_prefix: SEN
        data_dir: data
        mail:
          smtp:
            host: 127.0.0.1
            port: %d
            security: none
            from: "Nazirlik <sorgu@ministry.example>"
          status_url: https://ministry.example/requests/status/
        """.formatted(closedPort));
    List<String> n = register("aysel@example.az", "", "samir@example.az");
    Path answer = Files.writeString(tmp.resolve("answer.md"), "Cavab.\n");

    Result queued = run("answer", n.get(0), "--file", answer.toString(), "--actor", "leyla");
    assertThat(queued.out()).contains("Queued for e-mail to aysel@example.az")
        .contains("The requester sees it on the private status page: https://ministry.example/requests/status/"
            + token(n.get(0)));

    Result noAddress = run("answer", n.get(1), "--file", answer.toString(), "--actor", "leyla");
    assertThat(noAddress.out()).contains("Nothing was e-mailed: the request has no e-mail address to write to.");

    // the server's sender tries once: the SMTP server is not there
    MailSettings mail = MailSettings.load(config, Map.of());
    try (Inbox inbox = Inbox.open(InboxSettingsLoader.load(config, Map.of()), TestSites.CONTENT, Clock.systemUTC());
        OutboxSender sender = new OutboxSender(new MailStore(inbox.store()), mail, Clock.systemUTC(),
            Duration.ofMinutes(5), Duration.ofHours(1))) {
      sender.sendDue();
    }
    Result failing = run("refuse", n.get(2), "--ground", "state-secret", "--actor", "leyla");
    assertThat(failing.code()).as(failing.err()).isZero();
    assertThat(failing.out()).contains("Recorded: the refusal")
        .contains("Nothing was e-mailed yet: the mail is queued to samir@example.az, but outgoing mail is failing")
        .contains("The requester sees it on the private status page: https://ministry.example/requests/status/");
  }
}
