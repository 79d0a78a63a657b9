package az.disclose.inbox.console;

import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.accounts.Accounts;
import az.disclose.inbox.accounts.Enrolment;
import az.disclose.inbox.accounts.PasswordHasher;
import az.disclose.inbox.accounts.PasswordPolicy;
import az.disclose.inbox.accounts.Role;
import az.disclose.inbox.accounts.Sessions;
import az.disclose.inbox.mail.Classifier;
import az.disclose.inbox.mail.MailIntake;
import az.disclose.inbox.mail.MailStore;
import az.disclose.inbox.mail.Quarantine;
import az.disclose.inbox.model.Attachment;
import az.disclose.inbox.model.Channel;
import az.disclose.inbox.model.Receipt;
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.model.Submission;
import az.disclose.inbox.model.Urgency;
import az.disclose.inbox.store.Inbox;
import az.disclose.serve.SiteServer;
import az.disclose.site.TestSites;
import az.disclose.testing.TestClock;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.server.Server;

/**
 * The console on a started Jetty (port 0) over a real register (SQLite in a temporary directory,
 * the fixture site's holidays), with quick password hashes, and helpers to make accounts and requests.
 */
final class ConsoleFixture implements AutoCloseable {
  static final String PASSWORD = "correct horse battery staple";
  /** The unit of the responders {@link #account} makes, and another one. */
  static final String UNIT = "huquq";
  static final String OTHER_UNIT = "metbuat";
  /** Monday, 2 March 2026, 12:00 in Baku. */
  final TestClock clock = TestClock.baku(2026, 3, 2, 12, 0);
  final Inbox inbox;
  final Accounts accounts;
  final Sessions sessions;
  final Console console;
  final Server server;
  final MailIntake mailIntake;
  final String base;

  ConsoleFixture(Path dir) throws Exception {
    this(dir, ConsoleSettings.defaults(), RequestAccess.BY_UNIT);
  }

  ConsoleFixture(Path dir, ConsoleSettings settings, RequestAccess access) throws Exception {
    inbox = Inbox.open(InboxSettings.defaults(dir.resolve("data")), TestSites.CONTENT, clock);
    inbox.register().useUnits(Set.of(UNIT, OTHER_UNIT));
    accounts = new Accounts(inbox.store(), clock, new PasswordHasher(1024, 1, 1), PasswordPolicy.standard(),
        "disclose-test");
    sessions = new Sessions(accounts);
    MailStore mail = new MailStore(inbox.store());
    mailIntake = new MailIntake(inbox.register(), mail, new Classifier("SEN", Set.of("info@example.az")), clock);
    console = new Console(inbox.register(), accounts, sessions,
        Optional.of(new Quarantine(inbox.register(), mail, clock)), MailDelivery.OFF, access, settings, clock);
    server = ConsoleServer.create("127.0.0.1", 0, console, null);
    server.start();
    base = "http://127.0.0.1:" + SiteServer.port(server);
  }

  /** An account; the enrolment of its second factor when its role has one. */
  Optional<Enrolment> account(String name, Role role) throws Exception {
    return accounts.create(name, role, role == Role.UNIT_RESPONDER ? Optional.of(UNIT) : Optional.empty(),
        PASSWORD, "test").enrolment();
  }

  /** The TOTP code of {@code secret} now (or {@code steps} 30-second steps from now). */
  String code(String secret, int steps) throws Exception {
    long step = clock.instant().getEpochSecond() / 30 + steps;
    return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, step);
  }

  Receipt request(String name, String subject, String message, List<Attachment> files) throws Exception {
    return inbox.register().register(new Submission(Channel.WEB, RequestType.INFORMATION, Urgency.NORMAL, name,
        "aysel@example.az", subject, message, "az", files, ("subject=" + subject).getBytes(StandardCharsets.UTF_8),
        "application/x-www-form-urlencoded", "192.0.2.7"));
  }

  Receipt request(String subject) throws Exception {
    return request("Aysel Məmmədova", subject, "Zəhmət olmasa, 2025-ci il üzrə hesabatı göndərin.", List.of());
  }

  /** A browser of this console. */
  Browser browser() {
    return new Browser(base);
  }

  /** A browser signed in as {@code name} (the second factor's code when {@code enrolment} is given). */
  Browser signedIn(String name, Optional<Enrolment> enrolment) throws Exception {
    Browser b = browser();
    b.get("/console/sign-in");
    var r = b.post("/console/sign-in", "username", name, "password", PASSWORD);
    if (enrolment.isPresent()) {
      if (!r.headers().firstValue("Location").orElse("").endsWith("/console/sign-in/code")) {
        throw new AssertionError("no code page after the password: " + r.statusCode() + " " + r.body());
      }
      b.get("/console/sign-in/code");
      r = b.post("/console/sign-in/code", "code", code(enrolment.get().secret(), 0));
    }
    if (!r.headers().firstValue("Location").orElse("").equals("/console/")) {
      throw new AssertionError("sign-in of " + name + " failed: " + r.statusCode() + " " + r.body());
    }
    return b;
  }

  @Override
  public void close() throws Exception {
    try {
      server.stop();
    } finally {
      inbox.close();
    }
  }
}
