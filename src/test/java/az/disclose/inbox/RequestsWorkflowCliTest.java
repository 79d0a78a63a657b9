package az.disclose.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.cli.Main;
import az.disclose.testing.CliRun;
import az.disclose.testing.CliRun.Result;
import az.disclose.testing.TestClock;
import az.disclose.inbox.store.Inbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code disclose requests assign|reassign|accept|reject|reopen|withdraw|queue} end to end through
 * {@link Main#run}, on SQLite, with the units of a fixture content directory.
 */
class RequestsWorkflowCliTest {
  static final Path UNITS_CONTENT = Path.of("src/test/resources/report/units-content");
  @TempDir Path tmp;
  Path config;
  String first;
  String second;

  private Result run(String... args) {
    return CliRun.run(List.of("requests", "--config", config.toString(), "--content", UNITS_CONTENT.toString()), args);
  }

  @BeforeEach
  void registerTwoRequests() throws Exception {
    config = Files.writeString(tmp.resolve("disclose.yaml"), """
        number_prefix: SEN
        data_dir: data
        """);
    InboxSettings settings = InboxSettingsLoader.load(config, Map.of());
    try (Inbox inbox = Inbox.open(settings, UNITS_CONTENT, new TestClock(Instant.now()))) {
      first = inbox.register().register(Submissions.information("Büdcə hesabatı")).number();
      second = inbox.register().register(Submissions.information("İnformasiya TEXNOLOGİYALARI")).number();
    }
  }

  @Test
  void assignAcceptAndTheQueuesShowTheUnitAndAssignee() {
    Result assigned = run("assign", first, "--unit", "metbuat", "--actor", "leyla");
    assertThat(assigned.code()).isZero();
    assertThat(assigned.out()).contains("assigned to metbuat").contains(first + ": ASSIGNED recorded");
    assertThat(run("list").out()).contains("metbuat (pending)");
    assertThat(run("accept", first, "--actor", "elvin").code()).isZero();

    Result mine = run("queue", "mine", "--actor", "elvin");
    assertThat(mine.code()).isZero();
    assertThat(mine.out()).contains(first).doesNotContain(second).contains("elvin")
        .contains("mine: page 1 of 1, 1 request in all");
    assertThat(run("queue", "unassigned").out()).contains(second).doesNotContain(first);
    assertThat(run("queue", "unit", "--my-unit", "metbuat").out()).contains(first);
    assertThat(run("queue", "--search", "informasiya").out()).contains(second).doesNotContain(first);
    assertThat(run("show", first).out()).contains("leyla    ASSIGNED").contains("elvin    ASSIGNMENT_ACCEPTED")
        .contains("[internal]");
  }

  @Test
  void aResponderNamedByActorMustAcceptBeforeAnswering() throws Exception {
    try (Inbox inbox = Inbox.open(InboxSettingsLoader.load(config, Map.of()), UNITS_CONTENT, new TestClock(Instant.now()))) {
      new az.disclose.inbox.accounts.Accounts(inbox.store(), new TestClock(Instant.now()),
          new az.disclose.inbox.accounts.PasswordHasher(1024, 1, 1),
          az.disclose.inbox.accounts.PasswordPolicy.standard(), "test")
          .create("elvin", az.disclose.inbox.accounts.Role.UNIT_RESPONDER, java.util.Optional.of("metbuat"),
              "correct horse battery staple", "test");
    }
    run("assign", first, "--unit", "metbuat", "--actor", "leyla");
    String answer = Files.writeString(tmp.resolve("answer.md"), "Cavab.").toString();
    Result early = run("answer", first, "--file", answer, "--actor", "elvin");
    assertThat(early.code()).isEqualTo(1);
    assertThat(early.err()).contains(first + " waits for unit metbuat to accept it: accept it first");
    assertThat(run("show", first).out()).doesNotContain("ANSWERED");

    assertThat(run("accept", first, "--actor", "elvin").code()).isZero();
    Result answered = run("answer", first, "--file", answer, "--actor", "elvin");
    assertThat(answered.code()).as(answered.err()).isZero();
    assertThat(run("show", first).out()).contains("elvin    ANSWERED");
  }

  @Test
  void refusalGroundsAreListedAddedRetiredAndReinstatedFromTheCommandLine() throws Exception {
    Path az = Files.writeString(tmp.resolve("az.txt"), "Hörmətli {name}, vergi sirri.");
    Path en = Files.writeString(tmp.resolve("en.txt"), "Dear {name}, a tax secret.");
    Result added = run("grounds", "add", "tax-secret", "--az", az.toString(), "--en", en.toString(),
        "--name-az", "Vergi sirri", "--name-en", "A tax secret", "--actor", "leyla");
    assertThat(added.code()).as(added.err()).isZero();
    assertThat(added.out()).contains("refusal ground tax-secret added");
    assertThat(run("grounds", "add", "tax-secret", "--az", az.toString(), "--en", en.toString(),
        "--name-az", "x", "--name-en", "y").err())
        .contains("the refusal ground tax-secret exists already");
    assertThat(run("grounds", "list").out()).contains("tax-secret").contains("state-secret").contains("in use")
        .contains("  az: Vergi sirri\n  en: A tax secret\n");

    assertThat(run("grounds", "retire", "tax-secret", "--actor", "leyla").code()).isZero();
    assertThat(run("grounds", "list").out()).containsPattern("tax-secret +az,en +retired .* by leyla");
    Result filled = run("templates", "show", "refuse", "--ground", "tax-secret", "--for", first);
    assertThat(filled.code()).isEqualTo(1);
    assertThat(filled.err()).contains("the refusal ground tax-secret was retired by leyla");
    assertThat(run("grounds", "retire", "whim").err()).contains("there is no refusal ground whim");

    assertThat(run("grounds", "reinstate", "tax-secret").out()).contains("refusal ground tax-secret is in use again");
    assertThat(run("templates", "show", "refuse", "--ground", "tax-secret", "--for", first).out())
        .contains("Hörmətli Aysel Məmmədova, vergi sirri.");
  }

  @Test
  void refuseTakesTheKeyOfAGroundInUseAndTheQueueFindsTheRefusalByIt() throws Exception {
    Result free = run("refuse", first, "--ground", "maddə 21", "--actor", "leyla");
    assertThat(free.code()).isEqualTo(1);
    assertThat(free.err()).contains("there is no refusal ground 'maddə 21'")
        .contains("give one of not-held, personal-data, published, state-secret");
    assertThat(run("grounds", "retire", "published", "--actor", "leyla").code()).isZero();
    Result retired = run("refuse", first, "--ground", "published", "--actor", "leyla");
    assertThat(retired.code()).isEqualTo(1);
    assertThat(retired.err()).contains("the refusal ground published was retired by leyla")
        .contains("the grounds in use are not-held, personal-data, state-secret");
    assertThat(run("show", first).out()).contains("registered").doesNotContain("REFUSED");

    Path letter = Files.writeString(tmp.resolve("letter.txt"), "Hörmətli Aysel, hesabat nazirlikdə saxlanmır.");
    Result refused = run("refuse", first, "--ground", "not-held", "--letter", letter.toString(), "--actor", "leyla");
    assertThat(refused.code()).as(refused.err()).isZero();
    // without --letter: the ground's template in the requester's language
    assertThat(run("refuse", second, "--ground", "state-secret", "--actor", "leyla").code()).isZero();
    assertThat(run("show", first).out()).contains("refused on ground not-held")
        .contains("Hörmətli Aysel, hesabat nazirlikdə saxlanmır.");
    assertThat(run("show", second).out()).contains("refused on ground state-secret")
        .contains("dövlət sirri təşkil etdiyi üçün verilə bilməz");
    Result byGround = run("queue", "all", "--ground", "not-held");
    assertThat(byGround.out()).contains(first).doesNotContain(second);
  }

  @Test
  void rejectThenReassignWithTheReasonOnRecord() {
    run("assign", first, "--unit", "metbuat", "--actor", "leyla");
    assertThat(run("reject", first, "--reason", "not ours", "--actor", "elvin").code()).isZero();
    assertThat(run("list").out()).contains("metbuat (rejected)");
    assertThat(run("reassign", first, "--unit", "umumi", "--reason", "general", "--actor", "leyla").code()).isZero();
    assertThat(run("show", first).out()).contains("rejected by unit metbuat: not ours")
        .contains("reassigned from unit metbuat to unit umumi: general");
  }

  @Test
  void anUnknownUnitOrQueueOrGroundIsABadInputNamingTheChoices() {
    Result unit = run("assign", first, "--unit", "maliyye", "--actor", "leyla");
    assertThat(unit.code()).isEqualTo(1);
    assertThat(unit.err()).contains("unknown unit 'maliyye'").contains("elektron-idareetme, metbuat, umumi");
    Result queue = run("queue", "urgent");
    assertThat(queue.code()).isEqualTo(1);
    assertThat(queue.err()).contains("unknown queue 'urgent'").contains("due-soon");
    Result ground = run("reopen", first, "--ground", "whim", "--reason", "x", "--actor", "leyla");
    assertThat(ground.code()).isEqualTo(1);
    assertThat(ground.err()).contains("appeal-upheld, clarification-received");
  }

  @Test
  void templatesAreListedShownEditedAsNewVersionsAndFilledForARequest() throws Exception {
    Result list = run("templates", "list");
    assertThat(list.code()).isZero();
    assertThat(list.out()).contains("acknowledge").contains("state-secret").contains("system");
    Path text = Files.writeString(tmp.resolve("t.txt"), "Hörmətli {name}, {number} sorğunuz uzadıldı: {due}.");
    Result edit = run("templates", "edit", "extend", "--lang", "az", "--file", text.toString(), "--actor", "leyla");
    assertThat(edit.code()).isZero();
    assertThat(edit.out()).contains("extend/az: version 2 saved by leyla (earlier versions kept)");
    assertThat(run("templates", "show", "extend", "--lang", "az", "--history").out())
        .contains("extend/az, version 1").contains("extend/az, version 2").contains("by leyla");
    assertThat(run("templates", "show", "extend", "--for", first).out())
        .contains("Hörmətli Aysel Məmmədova, " + first + " sorğunuz uzadıldı: 20");
    Path bad = Files.writeString(tmp.resolve("bad.txt"), "{email}");
    Result refused = run("templates", "edit", "answer", "--lang", "en", "--file", bad.toString(), "--actor", "leyla");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("unknown placeholder {email}");
    assertThat(run("templates", "show", "nope").err()).contains("unknown template kind 'nope'");
  }

  @Test
  void withdrawClosesAndReopenIsRefusedForItButAllowedAfterAnUpheldAppeal() throws Exception {
    assertThat(run("withdraw", first, "--how", "e-mail of 3 December", "--actor", "leyla").code()).isZero();
    assertThat(run("list", "--status", "withdrawn").out()).contains(first).contains("1 request\n");
    Result refused = run("reopen", first, "--ground", "appeal-upheld", "--reason", "x", "--actor", "leyla");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("is withdrawn and cannot be reopened");

    Path answer = Files.writeString(tmp.resolve("a.md"), "Cavab.");
    run("answer", second, "--file", answer.toString(), "--actor", "leyla");
    Result reopened = run("reopen", second, "--ground", "appeal-upheld", "--reason", "court decision 5/2026",
        "--actor", "leyla");
    assertThat(reopened.code()).isZero();
    assertThat(reopened.out()).contains("reopened; new due date:").contains("REOPENED recorded");
  }
}
