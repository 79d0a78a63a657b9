package az.disclose.inbox.mail;

import az.disclose.inbox.model.Attachment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells requests from machine mail. Auto-replies and bounces are never registered and never
 * acknowledged (no mail loops); a bounce of our own mail names the request it belongs to, so that
 * the register can note that the requester's address is undeliverable.
 *
 * <p>Auto-reply: {@code Auto-Submitted} with any value other than {@code no}; {@code X-Autoreply},
 * {@code X-Autorespond} (any value); {@code Precedence: bulk | junk | auto_reply | list}; Outlook's
 * and Exchange's own marks ({@code X-Auto-Response-Suppress} naming what to suppress, {@code
 * X-MS-Exchange-Inbox-Rules-Loop} and the other automatic {@code X-MS-Exchange-*} headers); an
 * out-of-office or automatic-reply subject in English, Azerbaijani, Russian or Turkish; a message
 * from one of our own addresses. Bounce: {@code multipart/report; report-type=delivery-status}, any
 * {@code message/delivery-status} part, or an empty {@code Return-Path: <>} with {@code
 * X-Failed-Recipients} (or from MAILER-DAEMON / postmaster). Thread-safe.
 */
public final class Classifier {

  public enum Kind {
    /** A message from a person: registered, or added to the request it replies to. */
    REQUEST,
    /** An automatic reply (out of office, list software...): ignored. */
    AUTO_REPLY,
    /** A delivery failure report: ignored, but noted on our request when it is about our mail. */
    BOUNCE
  }

  /**
   * @param reason which header or part decided, for the log
   * @param requestNumber for a bounce: the request whose mail bounced, when it can be told
   * @param failedRecipients for a bounce: the addresses that failed, when the report names them
   */
  public record Classification(Kind kind, String reason, Optional<String> requestNumber, List<String> failedRecipients) {
    public boolean machine() {
      return kind != Kind.REQUEST;
    }
  }

  private final Pattern number;
  private final Pattern ourMessageId;
  private final Set<String> ownAddresses;

  /**
   * @param numberPrefix the register's number prefix (e.g. {@code SEN})
   * @param ownAddresses our own sending addresses (mail from them is never a request), any case
   */
  public Classifier(String numberPrefix, Set<String> ownAddresses) {
    String p = Pattern.quote(numberPrefix);
    // strict: the whole number, not inside a longer word or number; any case (sen-2026-00155)
    this.number = Pattern.compile("(?<![\\p{L}\\p{N}_-])(" + p + "-\\d{4}-\\d{5,})(?![\\p{L}\\p{N}_])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    this.ourMessageId = Pattern.compile("<(" + p + "-\\d{4}-\\d{5,})\\.[A-Za-z0-9-]+@", Pattern.CASE_INSENSITIVE);
    Set<String> own = new LinkedHashSet<>();
    for (String a : ownAddresses) {
      own.add(a.trim().toLowerCase(Locale.ROOT));
    }
    this.ownAddresses = Set.copyOf(own);
  }

  public Classification classify(ParsedMessage m) {
    boolean report = m.contentType().equals("multipart/report")
        || m.attachments().stream().anyMatch(a -> a.contentType().equalsIgnoreCase("message/delivery-status"));
    String returnPath = m.header("Return-Path").orElse(null);
    boolean nullSender = returnPath != null && returnPath.replaceAll("[\\s<>]", "").isEmpty();
    List<String> failed = new ArrayList<>();
    for (String v : m.headers("X-Failed-Recipients")) {
      for (String a : v.split("[,\\s]+")) {
        if (a.contains("@")) {
          failed.add(a.trim());
        }
      }
    }
    String from = m.fromAddress().toLowerCase(Locale.ROOT);
    boolean daemon = from.startsWith("mailer-daemon@") || from.startsWith("postmaster@");
    String bounceReason = null;
    if (report) {
      bounceReason = "delivery status report";
    } else if (nullSender && (!failed.isEmpty() || daemon)) {
      bounceReason = "empty Return-Path" + (failed.isEmpty() ? " from " + from : " with X-Failed-Recipients");
    }
    if (bounceReason != null) {
      if (failed.isEmpty()) {
        failed.addAll(finalRecipients(m));
      }
      return new Classification(Kind.BOUNCE, bounceReason, ourRequest(m), List.copyOf(failed));
    }
    Optional<String> auto = m.header("Auto-Submitted")
        .map(v -> v.split(";")[0].trim().toLowerCase(Locale.ROOT))
        .filter(v -> !v.equals("no"));
    if (auto.isPresent()) {
      return machine("Auto-Submitted: " + auto.get());
    }
    for (String h : List.of("X-Autoreply", "X-Autorespond", "X-Autoresponder")) {
      if (m.header(h).isPresent()) {
        return machine(h);
      }
    }
    Optional<String> precedence = m.header("Precedence").map(v -> v.trim().toLowerCase(Locale.ROOT))
        .filter(PRECEDENCE::contains);
    if (precedence.isPresent()) {
      return machine("Precedence: " + precedence.get());
    }
    Optional<String> suppress = m.header("X-Auto-Response-Suppress")
        .filter(v -> SUPPRESS.matcher(v).find());
    if (suppress.isPresent()) {
      return machine("X-Auto-Response-Suppress: " + suppress.get().strip());
    }
    for (String h : m.headers().keySet()) {
      if (h.startsWith("x-ms-exchange-") && EXCHANGE_AUTO.matcher(h).find() && !h.contains("autoforward")
          && !h.contains("suppress")) { // forwarded people's mail; a request not to answer automatically
        return machine("Exchange header " + h);
      }
    }
    Optional<String> subject = automaticSubject(m.subject());
    if (subject.isPresent()) {
      return machine("subject \"" + subject.get() + "\"");
    }
    if (!from.isEmpty() && ownAddresses.contains(from)) {
      return machine("sent from our own address " + from);
    }
    return new Classification(Kind.REQUEST, "a person's message", Optional.empty(), List.of());
  }

  private static final Set<String> PRECEDENCE = Set.of("bulk", "junk", "auto_reply", "list");
  /** The kinds of automatic answer Outlook/Exchange suppress; set on their own automatic mail. */
  private static final Pattern SUPPRESS =
      Pattern.compile("(?i)(^|[\\s,])(all|oof|autoreply|dr|ndr|rn|nrn)($|[\\s,])");
  /** Exchange headers that only its automatic mail carries (rules, OOF, auto-replies). */
  private static final Pattern EXCHANGE_AUTO =
      Pattern.compile("^x-ms-exchange-(inbox-rules-loop|generated-message-source|organization-autoreply"
          + "|organization-autoresponse|.*-oof|.*autoreply|.*autoresponse)");
  /**
   * Subjects of out-of-office and automatic replies (en, az, ru, tr, de), at the start of the
   * subject and followed by a colon, a dash or nothing, so that "Out of office hours services" is
   * still a person's subject. Compared in lower case with dotted/dotless i folded.
   */
  private static final List<String> AUTOMATIC_SUBJECTS = List.of(
      "automatic reply", "auto reply", "auto-reply", "autoreply", "auto response", "auto-response", "autoresponse",
      "out of office", "out of the office", "out of office autoreply", "out of office reply", "away from the office",
      "away from office", "abwesenheitsnotiz",
      "avtomatik cavab", "avtomatik məktub", "ofisdə deyiləm", "ofisdən kənardayam", "işdə deyiləm",
      "məzuniyyətdəyəm", "məzuniyyətdə",
      "автоматический ответ", "автоответ", "нет на месте", "вне офиса", "отсутствую", "я в отпуске",
      "в отпуске", "отсутствие на работе",
      "otomatik yanıt", "otomatik cevap", "ofis dışında", "ofis dışındayım", "izindeyim", "izinde");

  static Optional<String> automaticSubject(String subject) {
    String s = fold(subject == null ? "" : subject).strip();
    for (String phrase : AUTOMATIC_SUBJECTS) {
      String f = fold(phrase);
      if (s.startsWith(f)) {
        String rest = s.substring(f.length()).strip();
        if (rest.isEmpty() || rest.startsWith(":") || rest.startsWith("-") || rest.startsWith("(")) {
          return Optional.of(phrase);
        }
      }
    }
    return Optional.empty();
  }

  /** Lower case with the Turkish/Azerbaijani i forms made one, for comparisons only. */
  static String fold(String s) {
    return s.replace('İ', 'i').replace('I', 'i').replace('ı', 'i').toLowerCase(Locale.ROOT).replace("\u0307", "");
  }

  private static Classification machine(String reason) {
    return new Classification(Kind.AUTO_REPLY, reason, Optional.empty(), List.of());
  }

  /**
   * The request a bounce is about: our Message-ID ({@code <SEN-2026-00042.17@host>}) anywhere in
   * the report, else a number in the returned headers or text.
   */
  Optional<String> ourRequest(ParsedMessage m) {
    List<String> texts = new ArrayList<>();
    for (Attachment a : m.attachments()) {
      texts.add(new String(a.bytes(), StandardCharsets.ISO_8859_1));
    }
    texts.add(m.text());
    texts.add(m.subject());
    texts.add(String.join(" ", m.inReplyTo()));
    for (String t : texts) {
      Matcher id = ourMessageId.matcher(t);
      if (id.find()) {
        return Optional.of(id.group(1).toUpperCase(Locale.ROOT));
      }
    }
    for (String t : texts) {
      Matcher n = number.matcher(t);
      if (n.find()) {
        return Optional.of(n.group(1).toUpperCase(Locale.ROOT));
      }
    }
    return Optional.empty();
  }

  private static List<String> finalRecipients(ParsedMessage m) {
    List<String> out = new ArrayList<>();
    Pattern p = Pattern.compile("(?im)^Final-Recipient:\\s*[^;]*;\\s*(\\S+@\\S+)");
    for (Attachment a : m.attachments()) {
      if (a.contentType().equalsIgnoreCase("message/delivery-status")) {
        Matcher x = p.matcher(new String(a.bytes(), StandardCharsets.ISO_8859_1));
        while (x.find()) {
          out.add(x.group(1).trim());
        }
      }
    }
    return out;
  }

  /** The request number in a subject such as {@code Re: [SEN-2026-00042] ...}, if any. */
  public Optional<String> numberIn(String text) {
    Matcher n = number.matcher(text == null ? "" : text);
    return n.find() ? Optional.of(n.group(1).toUpperCase(Locale.ROOT)) : Optional.empty();
  }

  /** The request whose acknowledgement or answer has Message-ID {@code id}, if it is one of ours. */
  public Optional<String> numberInMessageId(String id) {
    Matcher m = ourMessageId.matcher(id == null ? "" : id);
    return m.find() ? Optional.of(m.group(1).toUpperCase(Locale.ROOT)) : Optional.empty();
  }
}
