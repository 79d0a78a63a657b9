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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  /** At most this many characters of a quarantined message's text are shown. */
  public static final int SHOWN_TEXT_CHARS = 20_000;
  /** At most this many header lines of a quarantined message are shown. */
  public static final int SHOWN_HEADERS = 200;

  /**
   * A quarantined message as an officer sees it, read as far as it can be: the sender, subject and
   * date found in its headers (empty when there are none), the header lines unfolded and decoded,
   * the text (the parsed body, else the raw text; CRLF as LF, at most {@value #SHOWN_TEXT_CHARS}
   * characters), and the raw bytes.
   */
  public record Shown(MailStore.Quarantined entry, String sender, String subject, Optional<Instant> date,
      List<String> headerLines, String text, byte[] raw) {}

  /** The entries of {@link #list} with what can be read of each message. */
  public List<Shown> summaries(boolean all) throws RegisterException {
    List<Shown> out = new ArrayList<>();
    for (MailStore.Quarantined q : list(all)) {
      out.add(shown(q, raw(q.id())));
    }
    return out;
  }

  /** Entry {@code id} with its message, read as far as it can be. */
  public Shown show(long id) throws RequestException, RegisterException {
    try {
      MailStore.Quarantined q = mail.quarantined(id).orElseThrow(() -> new RequestException("no quarantined message "
          + id + " (see: disclose requests quarantine list --all)"));
      return shown(q, raw(id));
    } catch (StoreException e) {
      throw new RegisterException("cannot read the quarantine: " + e.getMessage(), e);
    }
  }

  private byte[] raw(long id) throws RegisterException {
    try {
      return mail.quarantinedRaw(id).orElse(new byte[0]);
    } catch (StoreException e) {
      throw new RegisterException("cannot read the quarantine: " + e.getMessage(), e);
    }
  }

  static Shown shown(MailStore.Quarantined q, byte[] raw) {
    List<String> lines = headerLines(raw);
    String from = "";
    String subject = "";
    String date = "";
    for (String l : lines) {
      String lower = l.toLowerCase(java.util.Locale.ROOT);
      if (from.isEmpty() && lower.startsWith("from:")) {
        from = l.substring(5).strip();
      } else if (subject.isEmpty() && lower.startsWith("subject:")) {
        subject = l.substring(8).strip();
      } else if (date.isEmpty() && lower.startsWith("date:")) {
        date = l.substring(5).strip();
      }
    }
    String[] address = MessageParser.address(from);
    ParseResult r = new MessageParser().parse(raw);
    String text = r instanceof ParseResult.Parsed p ? p.message().text() : TextDecoder.decode(body(raw), null);
    text = text.replace("\r\n", "\n").replace('\r', '\n');
    if (text.length() > SHOWN_TEXT_CHARS) {
      text = text.substring(0, SHOWN_TEXT_CHARS) + "\n[... " + (text.length() - SHOWN_TEXT_CHARS) + " more characters]";
    }
    return new Shown(q, address[0], subject, MessageParser.date(date), lines, text, raw);
  }

  /** The header lines of {@code raw} (up to the first empty line), unfolded and decoded. */
  static List<String> headerLines(byte[] raw) {
    String head = new String(raw, 0, headerEnd(raw), StandardCharsets.ISO_8859_1);
    List<String> out = new ArrayList<>();
    StringBuilder current = null;
    for (String l : head.split("\r\n|\n|\r")) {
      if (!l.isEmpty() && (l.charAt(0) == ' ' || l.charAt(0) == '\t') && current != null) {
        current.append(' ').append(l.strip());
        continue;
      }
      if (current != null) {
        out.add(MessageParser.decodeHeader(current.toString()));
      }
      current = new StringBuilder(l);
      if (out.size() >= SHOWN_HEADERS) {
        break;
      }
    }
    if (current != null && out.size() < SHOWN_HEADERS && !current.isEmpty()) {
      out.add(MessageParser.decodeHeader(current.toString()));
    }
    out.removeIf(String::isBlank);
    return out;
  }

  private static int headerEnd(byte[] raw) {
    if (raw.length > 0 && (raw[0] == '\n' || raw[0] == '\r')) {
      return 0; // an empty first line: no headers at all
    }
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == '\n' && (i + 1 < raw.length && raw[i + 1] == '\n'
          || i + 2 < raw.length && raw[i + 1] == '\r' && raw[i + 2] == '\n')) {
        return i;
      }
    }
    return raw.length;
  }

  private static byte[] body(byte[] raw) {
    int end = headerEnd(raw);
    return end >= raw.length ? raw : java.util.Arrays.copyOfRange(raw, end, raw.length);
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
    String text = MessageParser.storable(TextDecoder.decode(raw, null).replace("\r\n", "\n").replace('\r', '\n'));
    Matcher a = ADDRESS.matcher(text);
    String address = a.find() ? a.group(1) : "";
    Matcher s = SUBJECT.matcher(text);
    String subject = s.find() ? MessageParser.decodeHeader(s.group(1)) : "";
    return new Submission(Channel.EMAIL, RequestType.INFORMATION, Urgency.NORMAL, address, address,
        subject.isBlank() ? "(mövzu yoxdur)" : subject, text, "az", List.of(), raw, MailIntake.RAW_TYPE, address);
  }
}
