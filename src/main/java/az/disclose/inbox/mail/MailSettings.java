package az.disclose.inbox.mail;

import az.disclose.yaml.Fields;
import az.disclose.yaml.Node;
import az.disclose.yaml.Problem;
import az.disclose.yaml.ProblemsException;
import az.disclose.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code mail} section of {@code disclose.yaml}; immutable. Either part may be missing: no
 * {@code imap} means no mail intake, no {@code smtp} means no outgoing mail (the outbox is still
 * written and is sent once SMTP is configured).
 *
 * <pre>
 * mail:
 *   imap:
 *     host: imap.ministry.example
 *     port: 993                  # default: 993 (tls), 143 (starttls, none)
 *     security: tls              # tls | starttls | none (none: tests and localhost only)
 *     user: sorgu@ministry.example      # password: environment variable DISCLOSE_MAIL_PASSWORD
 *     folder: INBOX
 *     processed_folder: Processed       # created when missing; "" = flag messages instead of moving
 *     poll_seconds: 60
 *   smtp:
 *     host: smtp.ministry.example
 *     port: 587                  # default: 465 (tls), 587 (starttls), 25 (none)
 *     security: starttls
 *     user: sorgu@ministry.example      # password: DISCLOSE_SMTP_PASSWORD, else DISCLOSE_MAIL_PASSWORD
 *     from: "Sənaye və Energetika Nazirliyi &lt;sorgu@ministry.example&gt;"
 *   status_url: https://ministry.example/requests/status/   # + the private token
 *   message_id_host: ministry.example                        # Message-IDs are &lt;number.event@host&gt;
 *   reminder_days_before: 2    # units' report reminders: working days before the due day (0-10)
 * </pre>
 */
public record MailSettings(Optional<Server> imap, Optional<Server> smtp, String from, String statusUrl,
    String messageIdHost, String folder, String processedFolder, Duration pollInterval, int reminderDaysBefore) {

  /** Default of {@code mail.reminder_days_before}: units are reminded 2 working days before the due day. */
  public static final int DEFAULT_REMINDER_DAYS_BEFORE = 2;
  /** The largest {@code mail.reminder_days_before} (a half-month has about 10 working days). */
  public static final int MAX_REMINDER_DAYS_BEFORE = 10;

  public static final String MAIL_PASSWORD_ENV = "DISCLOSE_MAIL_PASSWORD";
  public static final String SMTP_PASSWORD_ENV = "DISCLOSE_SMTP_PASSWORD";

  public enum Security {
    TLS,
    STARTTLS,
    NONE
  }

  /** A mail server; the password comes from the environment. */
  public record Server(String host, int port, Security security, String user, String password) {
    @Override
    public String toString() {
      return user + "@" + host + ":" + port + " (" + security.name().toLowerCase(Locale.ROOT) + ")";
    }

    /** The Jakarta Mail protocol name: {@code base} ("imap", "smtp"), with "s" when over TLS. */
    String protocol(String base) {
      return security == Security.TLS ? base + "s" : base;
    }

    /**
     * Jakarta Mail session properties for this server under protocol {@code base}: host, port,
     * timeouts, STARTTLS when asked (required, never optional), server identity checked on TLS.
     */
    java.util.Properties sessionProperties(String base, int readTimeoutMillis) {
      java.util.Properties p = new java.util.Properties();
      String proto = protocol(base);
      p.setProperty("mail." + proto + ".host", host);
      p.setProperty("mail." + proto + ".port", Integer.toString(port));
      p.setProperty("mail." + proto + ".connectiontimeout", "10000");
      p.setProperty("mail." + proto + ".timeout", Integer.toString(readTimeoutMillis));
      p.setProperty("mail." + proto + ".writetimeout", "30000");
      if (security == Security.STARTTLS) {
        p.setProperty("mail." + base + ".starttls.enable", "true");
        p.setProperty("mail." + base + ".starttls.required", "true");
      }
      if (security != Security.NONE) {
        p.setProperty("mail." + proto + ".ssl.checkserveridentity", "true");
      }
      return p;
    }
  }

  /** No mailbox, no SMTP server. */
  public static MailSettings none() {
    return new MailSettings(Optional.empty(), Optional.empty(), "", "", "localhost", "INBOX", "Processed",
        Duration.ofSeconds(60), DEFAULT_REMINDER_DAYS_BEFORE);
  }

  public MailSettings withImap(Server s) {
    return new MailSettings(Optional.of(s), smtp, from, statusUrl, messageIdHost, folder, processedFolder, pollInterval, reminderDaysBefore);
  }

  public MailSettings withSmtp(Server s, String fromAddress) {
    return new MailSettings(imap, Optional.of(s), fromAddress, statusUrl, messageIdHost, folder, processedFolder,
        pollInterval, reminderDaysBefore);
  }

  public MailSettings withStatusUrl(String url) {
    return new MailSettings(imap, smtp, from, url, messageIdHost, folder, processedFolder, pollInterval, reminderDaysBefore);
  }

  public MailSettings withFolders(String inbox, String processed) {
    return new MailSettings(imap, smtp, from, statusUrl, messageIdHost, inbox, processed, pollInterval, reminderDaysBefore);
  }

  public MailSettings withPollInterval(Duration d) {
    return new MailSettings(imap, smtp, from, statusUrl, messageIdHost, folder, processedFolder, d, reminderDaysBefore);
  }

  public MailSettings withReminderDaysBefore(int days) {
    return new MailSettings(imap, smtp, from, statusUrl, messageIdHost, folder, processedFolder, pollInterval, days);
  }

  public MailSettings withMessageIdHost(String host) {
    return new MailSettings(imap, smtp, from, statusUrl, host, folder, processedFolder, pollInterval, reminderDaysBefore);
  }

  /**
   * The {@code mail} section of {@code file} ({@link #none()} when the file or the section is
   * missing); every problem with file:line. The rest of the file is read by the other loaders.
   */
  public static MailSettings load(Path file, Map<String, String> env) throws ProblemsException {
    if (file == null || !Files.isRegularFile(file)) {
      return none();
    }
    Node root = new YamlReader().readFile(file);
    List<Problem> problems = new ArrayList<>();
    Fields f = Fields.of(file, root, problems, "");
    Optional<Fields> mail = f.child("mail");
    if (mail.isEmpty()) {
      return none();
    }
    Fields m = mail.get();
    String mailPassword = env.getOrDefault(MAIL_PASSWORD_ENV, "");
    String smtpPassword = env.getOrDefault(SMTP_PASSWORD_ENV, mailPassword);
    Optional<Server> imap = Optional.empty();
    String folder = "INBOX";
    String processed = "Processed";
    int poll = 60;
    Optional<Fields> i = m.child("imap");
    if (i.isPresent()) {
      imap = Optional.of(server(i.get(), mailPassword, 993, 143));
      folder = i.get().optionalText("folder").map(String::trim).orElse("INBOX");
      processed = i.get().optionalText("processed_folder").map(String::trim).orElse("Processed");
      poll = i.get().intValue("poll_seconds", 60, 1, 86_400);
      i.get().rejectUnknownKeys();
    }
    Optional<Server> smtp = Optional.empty();
    String from = "";
    Optional<Fields> o = m.child("smtp");
    if (o.isPresent()) {
      smtp = Optional.of(server(o.get(), smtpPassword, 465, 587));
      from = o.get().optionalText("from").map(String::trim).orElse("");
      if (from.isEmpty()) {
        o.get().problemAt("from", "'from' is required: the address requesters see and reply to");
      }
      o.get().rejectUnknownKeys();
    }
    String statusUrl = m.optionalText("status_url").map(String::trim).orElse("");
    String host = m.optionalText("message_id_host").map(String::trim).orElse("");
    if (host.isEmpty()) {
      int at = from.lastIndexOf('@');
      host = at >= 0 ? from.substring(at + 1).replaceAll("[>\\s\"]", "") : "localhost";
    }
    int reminderDays = m.intValue("reminder_days_before", DEFAULT_REMINDER_DAYS_BEFORE, 0, MAX_REMINDER_DAYS_BEFORE);
    m.rejectUnknownKeys();
    if (!problems.isEmpty()) {
      throw new ProblemsException(problems);
    }
    return new MailSettings(imap, smtp, from, statusUrl, host, folder, processed, Duration.ofSeconds(poll),
        reminderDays);
  }

  private static Server server(Fields s, String password, int tlsPort, int plainPort) {
    String host = s.optionalText("host").map(String::trim).orElse("");
    if (host.isEmpty()) {
      s.problemAt("host", "'host' is required");
    }
    Security security = Security.TLS;
    Optional<String> sec = s.optionalText("security").map(x -> x.trim().toLowerCase(Locale.ROOT));
    if (sec.isPresent()) {
      switch (sec.get()) {
        case "tls", "ssl" -> security = Security.TLS;
        case "starttls" -> security = Security.STARTTLS;
        case "none" -> security = Security.NONE;
        default -> s.problemAt("security", "'security' must be tls, starttls or none, not '" + sec.get() + "'");
      }
    }
    int defaultPort = security == Security.TLS ? tlsPort : plainPort;
    int port = s.intValue("port", defaultPort, 1, 65_535);
    String user = s.optionalText("user").map(String::trim).orElse("");
    if (s.has("password")) {
      s.problemAt("password", "'password' does not belong in a file: set the environment variable "
          + (tlsPort == 993 ? MAIL_PASSWORD_ENV : SMTP_PASSWORD_ENV) + " instead");
      s.optionalText("password");
    }
    return new Server(host, port, security, user, password);
  }

  /** Never shows a password. */
  @Override
  public String toString() {
    return "MailSettings[imap=" + imap.map(Server::toString).orElse("none") + ", smtp="
        + smtp.map(Server::toString).orElse("none") + ", from=" + from + "]";
  }
}
