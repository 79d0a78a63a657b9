package az.disclose.inbox.mail;

import az.disclose.inbox.Register.RegisterException;
import az.disclose.inbox.RegisterService;
import az.disclose.inbox.RequestException;
import az.disclose.inbox.RequestTx;
import az.disclose.inbox.StoreException;
import az.disclose.inbox.model.Channel;
import az.disclose.inbox.model.EventKind;
import az.disclose.inbox.model.Receipt;
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.model.Submission;
import az.disclose.inbox.model.Urgency;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The officers' side of the mail quarantine: list, register (the message becomes a numbered request,
 * its raw bytes kept with it), dismiss (recorded with who, when and why; the raw bytes stay).
 */
public final class Quarantine {
  private static final Pattern ADDRESS = Pattern.compile("(?im)^(?:From|Reply-To):.*?([^\\s<>\"(),;:]+@[^\\s<>\"(),;:]+)");
  private static final Pattern SUBJECT = Pattern.compile("(?im)^Subject:[ \\t]*(.*)$");

  private final RegisterService register;
  private final MailStore mail;
  private final Clock clock;

  public Quarantine(RegisterService register, MailStore mail, Clock clock) {
    this.register = register;
    this.mail = mail;
    this.clock = clock;
  }

  public List<MailStore.Quarantined> list(boolean all) throws RegisterException {
    try {
      return mail.quarantined(all);
    } catch (StoreException e) {
      throw new RegisterException("cannot read the quarantine: " + e.getMessage(), e);
    }
  }

  private MailStore.Quarantined open(long id) throws RequestException, RegisterException {
    MailStore.Quarantined q;
    try {
      q = mail.quarantined(id).orElseThrow(() -> new RequestException("no quarantined message " + id));
    } catch (StoreException e) {
      throw new RegisterException("cannot read the quarantine: " + e.getMessage(), e);
    }
    if (!q.status().equals("open")) {
      throw new RequestException("quarantined message " + id + " was already " + q.status()
          + q.resolution().map(r -> " (" + r + ")").orElse("") + q.resolvedBy().map(b -> " by " + b).orElse(""));
    }
    return q;
  }

  /** Registers the message as a request (parsed as far as it can be); returns its receipt. */
  public Receipt register(long id, String actor) throws RequestException, RegisterException {
    MailStore.Quarantined q = open(id);
    byte[] raw;
    try {
      raw = mail.quarantinedRaw(id).orElseThrow();
    } catch (StoreException e) {
      throw new RegisterException("cannot read the quarantine: " + e.getMessage(), e);
    }
    Submission s = bestEffort(raw);
    return register.register(s, new RegisterService.InTransaction() {
      @Override
      public void registered(RequestTx tx, RegisterService.Registered r) throws SQLException {
        if (!MailStore.resolve(tx, id, "registered", r.event().at(), actor, r.number())) {
          throw new SQLException("quarantined message " + id + " is no longer open");
        }
        MailStore.updateMessage(tx, q.key(), MailStore.REGISTERED, r.number());
        tx.append(r.number(), r.event().at(), actor, EventKind.NOTE,
            "registered from the mail quarantine (entry " + id + ", received " + q.receivedAt() + "): " + q.reason(),
            false);
      }
    });
  }

  /** Dismisses the message with a reason; it stays in the quarantine with its raw bytes. */
  public void dismiss(long id, String actor, String reason) throws RequestException, RegisterException {
    if (reason == null || reason.isBlank()) {
      throw new RequestException("say why with --reason");
    }
    open(id);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    try {
      boolean done = mail.requests().<Boolean, RuntimeException>write(
          tx -> MailStore.resolve(tx, id, "dismissed", now, actor, reason.strip()));
      if (!done) {
        throw new RequestException("quarantined message " + id + " is no longer open");
      }
    } catch (StoreException e) {
      throw new RegisterException("the dismissal could not be recorded: " + e.getMessage(), e);
    }
  }

  /** What can be read of a message the parser refused: the parsed form, else the raw text. */
  static Submission bestEffort(byte[] raw) {
    ParseResult r = new MessageParser().parse(raw);
    if (r instanceof ParseResult.Parsed p) {
      return MailIntake.submission(p.message());
    }
    String text = TextDecoder.decode(raw, null);
    Matcher a = ADDRESS.matcher(text);
    String address = a.find() ? a.group(1) : "";
    Matcher s = SUBJECT.matcher(text);
    String subject = s.find() ? MessageParser.decodeHeader(s.group(1)) : "";
    return new Submission(Channel.EMAIL, RequestType.INFORMATION, Urgency.NORMAL, address, address,
        subject.isBlank() ? "(mövzu yoxdur)" : subject, text, "az", List.of(), raw, MailIntake.RAW_TYPE, address);
  }
}
