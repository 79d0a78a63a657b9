package az.disclose.inbox.mail;

import az.disclose.inbox.model.Attachment;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.text.ParsePosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Raw RFC 822 bytes to a {@link ParsedMessage}, or a {@link ParseFailure}: never throws (an
 * exception must never escape the poller). Thread-safe.
 *
 * <ul>
 *   <li>Header values: folded lines joined, raw 8-bit bytes decoded like text (strict UTF-8 first),
 *       RFC 2047 encoded words decoded leniently (adjacent words joined, mislabelled charsets
 *       handled by {@link TextDecoder}, unknown charsets kept as they are).
 *   <li>Body: the text parts that are not attachments, in order; of a {@code multipart/alternative}
 *       the plain text (the HTML when the plain text is missing or blank); HTML turned into text
 *       with jsoup (block elements and {@code <br>} become line breaks; scripts and styles dropped).
 *   <li>Attachments: every other part (including embedded messages and delivery reports), with
 *       its file name decoded (RFC 2231 parameters, RFC 2047 words, 8-bit bytes) and stripped of
 *       any path; a part without a name gets {@code part-N} with an extension from its type.
 *   <li>Failures (unreadable MIME structure, a broken transfer encoding, nesting deeper than
 *       {@value #MAX_DEPTH}): a {@link ParseFailure} naming the problem.
 * </ul>
 */
public final class MessageParser {
  /** Deeper nesting of multiparts or embedded messages is refused (quarantined). */
  public static final int MAX_DEPTH = 32;

  private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)\\?=");
  private static final Pattern ID = Pattern.compile("<[^<>\\s]+>");
  private static final Pattern BARE_ADDRESS = Pattern.compile("[^\\s<>\"(),;:]+@[^\\s<>\"(),;:]+");

  private final Session session;

  public MessageParser() {
    Properties p = new Properties();
    p.setProperty("mail.mime.address.strict", "false");
    p.setProperty("mail.mime.parameters.strict", "false");
    p.setProperty("mail.mime.multipart.allowempty", "true");
    p.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
    p.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
    p.setProperty("mail.mime.multipart.ignoreexistingboundaryparameter", "false");
    this.session = Session.getInstance(p);
  }

  /** Parses {@code raw}; the result keeps {@code raw} unchanged. */
  public ParseResult parse(byte[] raw) {
    if (raw == null || raw.length == 0) {
      return new ParseFailure("empty message (no bytes)", raw == null ? new byte[0] : raw);
    }
    try {
      return new ParseResult.Parsed(parseOrThrow(raw));
    } catch (Problem e) {
      return new ParseFailure(e.getMessage(), raw);
    } catch (MessagingException | IOException e) {
      return new ParseFailure("unreadable MIME: " + e.getMessage(), raw);
    } catch (RuntimeException e) {
      return new ParseFailure("unreadable message: " + e, raw);
    } catch (StackOverflowError e) {
      return new ParseFailure("message nested too deeply to read", raw);
    }
  }

  /** A parsing problem that sends the message to the quarantine. */
  private static final class Problem extends Exception {
    private static final long serialVersionUID = 1L;

    Problem(String message) {
      super(message);
    }
  }

  private ParsedMessage parseOrThrow(byte[] raw) throws MessagingException, IOException, Problem {
    MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(raw));
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Enumeration<Header> e = m.getAllHeaders(); e.hasMoreElements(); ) {
      Header h = e.nextElement();
      headers.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(decodeHeader(h.getValue()));
    }
    if (headers.isEmpty()) {
      throw new Problem("no headers: not an RFC 822 message");
    }
    if (java.util.stream.Stream.of("from", "to", "subject", "date", "message-id", "sender", "return-path")
        .noneMatch(headers::containsKey)) {
      throw new Problem("no From, To, Subject, Date or Message-ID header: not an RFC 822 message");
    }
    headers.replaceAll((k, v) -> List.copyOf(v));
    List<String> notes = new ArrayList<>();
    String[] from = address(rawHeader(m, "From"));
    String[] replyTo = address(rawHeader(m, "Reply-To"));
    String subject = first(headers, "subject").map(MessageParser::oneLine).orElse("");
    Optional<Instant> date = date(rawHeader(m, "Date"));
    String messageId = ids(first(headers, "message-id").orElse("")).stream().findFirst()
        .orElse(first(headers, "message-id").map(String::trim).filter(s -> !s.isEmpty() && !s.contains(" "))
            .map(s -> "<" + s.replaceAll("^<|>$", "") + ">").orElse(""));
    Set<String> thread = new LinkedHashSet<>();
    thread.addAll(ids(String.join(" ", headers.getOrDefault("in-reply-to", List.of()))));
    thread.addAll(ids(String.join(" ", headers.getOrDefault("references", List.of()))));
    Body body = new Body();
    walk(m, 0, body, notes, "the message body", false);
    String text = storable(String.join("\n\n", body.texts)).strip();
    String contentType = baseType(m);
    return new ParsedMessage(from[0], from[1], replyTo[0].isEmpty() ? from[0] : replyTo[0], subject, date, messageId,
        List.copyOf(thread), contentType, Collections.unmodifiableMap(headers), text, List.copyOf(body.attachments),
        List.copyOf(notes), raw);
  }

  private static final class Body {
    final List<String> texts = new ArrayList<>();
    final List<Attachment> attachments = new ArrayList<>();
  }

  /**
   * Collects the text and the attachments of {@code p}. A part that cannot be read — a multipart
   * without its start boundary, an unknown or broken transfer encoding — is kept as an opaque
   * attachment (its bytes as sent) with a note, so that the rest of the message is still registered.
   *
   * @param where the part's place, for the notes ("the message body", "part 2", "part 2.1")
   * @param inDigest the part is a child of a {@code multipart/digest} (default type {@code message/rfc822})
   */
  private void walk(Part p, int depth, Body body, List<String> notes, String where, boolean inDigest)
      throws MessagingException, IOException, Problem {
    if (depth > MAX_DEPTH) {
      throw new Problem("MIME parts nested more than " + MAX_DEPTH + " levels deep");
    }
    String type = inDigest && p.getHeader("Content-Type") == null ? "message/rfc822" : baseType(p);
    if (type.startsWith("multipart/")) {
      MimeMultipart mp;
      int count;
      try {
        mp = new MimeMultipart(p.getDataHandler().getDataSource());
        count = mp.getCount();
      } catch (MessagingException e) {
        String boundary = parameter(p, "boundary");
        opaque(p, body, notes, where, type + (boundary == null ? "" : " with boundary \"" + boundary + "\"")
            + " cannot be split into parts (" + e.getMessage() + ")");
        return;
      }
      if (type.equals("multipart/alternative")) {
        BodyPart chosen = chooseAlternative(mp);
        if (chosen != null) {
          walk(chosen, depth + 1, body, notes, where, false);
        }
        return;
      }
      for (int i = 0; i < count; i++) {
        String child = where.startsWith("part ") ? where + "." + (i + 1) : "part " + (i + 1);
        walk(mp.getBodyPart(i), depth + 1, body, notes, child, type.equals("multipart/digest"));
      }
      return;
    }
    String encoding = transferEncoding(p);
    if (!encoding.isEmpty() && !KNOWN_ENCODINGS.contains(encoding)) {
      opaque(p, body, notes, where, "unknown transfer encoding \"" + encoding + "\"");
      return;
    }
    byte[] bytes;
    try {
      bytes = content(p);
    } catch (Problem e) {
      opaque(p, body, notes, where, "the " + (encoding.isEmpty() ? "" : encoding + " ") + "content cannot be decoded ("
          + e.getMessage() + ")");
      return;
    }
    boolean attachment = isAttachment(p);
    if (!attachment && (type.equals("text/plain") || type.equals("text/html") || type.isEmpty())) {
      String text = TextDecoder.decode(bytes, charset(p));
      if (type.equals("text/html")) {
        text = htmlToText(text);
      }
      text = text.replace("\r\n", "\n").replace('\r', '\n');
      if (!text.isBlank()) {
        body.texts.add(text);
      }
      return;
    }
    String name = fileName(p, body.attachments.size() + 1, type);
    body.attachments.add(new Attachment(name, type.isEmpty() ? "application/octet-stream" : type, bytes));
  }

  /** Transfer encodings Jakarta Mail decodes. */
  private static final Set<String> KNOWN_ENCODINGS =
      Set.of("7bit", "8bit", "binary", "base64", "quoted-printable", "uuencode", "x-uuencode", "x-uue");

  private static String transferEncoding(Part p) {
    try {
      String[] h = p.getHeader("Content-Transfer-Encoding");
      return h == null || h.length == 0 ? "" : MimeUtility.unfold(h[0]).strip().toLowerCase(Locale.ROOT);
    } catch (MessagingException | RuntimeException e) {
      return "";
    }
  }

  /**
   * Keeps a part that cannot be read as an attachment of type {@code application/octet-stream}, its
   * bytes exactly as sent (transfer encoding not removed), and notes the problem.
   */
  private static void opaque(Part p, Body body, List<String> notes, String where, String problem) throws Problem {
    byte[] raw;
    try {
      raw = rawBytes(p);
    } catch (IOException | MessagingException | RuntimeException e) {
      throw new Problem(where + ": " + problem + ", and its bytes cannot be read (" + e.getMessage() + ")");
    }
    String name = fileName(p, body.attachments.size() + 1, "application/octet-stream");
    body.attachments.add(new Attachment(name, "application/octet-stream", raw));
    notes.add(where + ": " + problem + "; kept as an attachment as sent (" + name + ")");
  }

  /** The part's content as sent, its transfer encoding not removed. */
  private static byte[] rawBytes(Part p) throws IOException, MessagingException {
    try (InputStream in = p instanceof MimeBodyPart b ? b.getRawInputStream()
        : p instanceof MimeMessage m ? m.getRawInputStream() : p.getInputStream()) {
      return in.readAllBytes();
    }
  }

  private static String parameter(Part p, String name) {
    try {
      String ct = p.getContentType();
      return ct == null ? null : new ContentType(ct).getParameter(name);
    } catch (MessagingException | RuntimeException e) {
      return null;
    }
  }

  /** The plain text alternative, else the HTML one, else the first nested multipart, else the first. */
  private static BodyPart chooseAlternative(MimeMultipart mp) throws MessagingException {
    BodyPart plain = null;
    BodyPart html = null;
    BodyPart nested = null;
    for (int i = 0; i < mp.getCount(); i++) {
      BodyPart b = mp.getBodyPart(i);
      String t = baseType(b);
      if (t.equals("text/plain") && plain == null && b.getSize() != 0) {
        plain = b;
      } else if (t.equals("text/html") && html == null) {
        html = b;
      } else if (t.startsWith("multipart/") && nested == null) {
        nested = b;
      }
    }
    if (plain != null) {
      return plain;
    }
    if (html != null) {
      return html;
    }
    if (nested != null) {
      return nested;
    }
    return mp.getCount() > 0 ? mp.getBodyPart(0) : null;
  }

  private static byte[] content(Part p) throws Problem {
    if (transferEncoding(p).equals("base64")) {
      return base64(p);
    }
    try (InputStream in = p.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException | MessagingException | RuntimeException e) {
      throw new Problem("a part's content cannot be decoded (" + e.getMessage() + ")");
    }
  }

  /**
   * Base64 as mailers write it: line breaks and white space ignored, missing padding tolerated (Jakarta
   * returns nothing for it). Any other character outside the alphabet, or a lone trailing character,
   * is a broken encoding.
   */
  private static byte[] base64(Part p) throws Problem {
    byte[] raw;
    try {
      raw = rawBytes(p);
    } catch (IOException | MessagingException | RuntimeException e) {
      throw new Problem("a part's content cannot be read (" + e.getMessage() + ")");
    }
    StringBuilder b = new StringBuilder(raw.length);
    for (byte x : raw) {
      char c = (char) (x & 0xff);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        continue;
      }
      if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=')) {
        throw new Problem("invalid base64: the character " + (c < 0x20 || c > 0x7e ? String.format("0x%02x", (int) c)
            : "'" + c + "'") + " is not in the alphabet");
      }
      b.append(c);
    }
    String t = b.toString();
    int eq = t.indexOf('=');
    if (eq >= 0) {
      t = t.substring(0, eq); // padding ends the data (what follows a premature '=' is ignored, as Jakarta does)
    }
    if (t.length() % 4 == 1) {
      throw new Problem("invalid base64: the data ends with a lone character");
    }
    return Base64.getDecoder().decode(t + "==".substring(0, (4 - t.length() % 4) % 4));
  }

  private static boolean isAttachment(Part p) {
    try {
      String d = p.getDisposition();
      if (d != null && d.equalsIgnoreCase(Part.ATTACHMENT)) {
        return true;
      }
    } catch (MessagingException | RuntimeException e) {
      // a malformed disposition: decide by the name
    }
    return rawName(p) != null;
  }

  static String baseType(Part p) {
    try {
      String ct = p.getContentType();
      if (ct == null || ct.isBlank()) {
        return "text/plain";
      }
      return new ContentType(ct).getBaseType().toLowerCase(Locale.ROOT);
    } catch (MessagingException | RuntimeException e) {
      return "application/octet-stream";
    }
  }

  private static String charset(Part p) {
    try {
      String ct = p.getContentType();
      return ct == null ? null : new ContentType(ct).getParameter("charset");
    } catch (MessagingException | RuntimeException e) {
      return null;
    }
  }

  /** The file name as found in the part's headers (RFC 2231 decoded, RFC 2047 not yet), or null. */
  private static String rawName(Part p) {
    String n = nameParameter(p, "Content-Disposition", "filename");
    return n != null ? n : nameParameter(p, "Content-Type", "name");
  }

  private static String nameParameter(Part p, String header, String name) {
    String value;
    try {
      String[] h = p.getHeader(header);
      if (h == null || h.length == 0) {
        return null;
      }
      value = MimeUtility.unfold(h[0]);
    } catch (MessagingException | RuntimeException e) {
      return null;
    }
    if (Pattern.compile("(?i)(?:^|;)\\s*" + Pattern.quote(name) + "\\*").matcher(value).find()) {
      try { // RFC 2231: charset, language and continuations, by Jakarta's parameter list
        String n = header.equals("Content-Type") ? new ContentType(value).getParameter(name)
            : new ContentDisposition(value).getParameter(name);
        if (n != null && !n.isBlank()) {
          return n;
        }
      } catch (MessagingException | RuntimeException e) {
        // read it leniently below
      }
    }
    String n = lenientParameter(value, name);
    return n == null || n.isBlank() ? null : n;
  }

  /**
   * Parameter {@code name} of a header value, read as mailers write it rather than as RFC 2045
   * says: a quoted string in which a backslash escapes only {@code "} and {@code \} (otherwise it is
   * a character: {@code "C:\TEMP\x.png"} is a Windows path), or an unquoted value up to the next
   * {@code ;} (an encoded word {@code name==?UTF-8?B?...?=} included).
   */
  static String lenientParameter(String value, String name) {
    Matcher m = Pattern.compile("(?i)(?:^|;)\\s*" + Pattern.quote(name) + "\\s*=\\s*").matcher(value);
    if (!m.find()) {
      return null;
    }
    int i = m.end();
    if (i < value.length() && value.charAt(i) == '"') {
      StringBuilder b = new StringBuilder();
      for (i++; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '\\' && i + 1 < value.length() && (value.charAt(i + 1) == '"' || value.charAt(i + 1) == '\\')) {
          b.append(value.charAt(++i));
        } else if (c == '"') {
          break;
        } else {
          b.append(c);
        }
      }
      return b.toString();
    }
    int end = value.indexOf(';', i);
    return value.substring(i, end < 0 ? value.length() : end).strip();
  }

  static String fileName(Part p, int position, String type) {
    String raw = rawName(p);
    String name = raw == null ? "" : sanitizeFileName(decodeHeader(raw));
    if (name.isEmpty()) {
      name = "part-" + position + extension(type);
    }
    return name;
  }

  /** Path parts and control characters removed, at most 200 characters. */
  static String sanitizeFileName(String name) {
    String n = name.replace('\\', '/');
    n = n.substring(n.lastIndexOf('/') + 1);
    StringBuilder b = new StringBuilder();
    n.codePoints().filter(cp -> cp >= 0x20 && cp != 0x7f && !(cp >= 0x80 && cp < 0xa0)
        && !(cp >= 0x202a && cp <= 0x202e) && !(cp >= 0x2066 && cp <= 0x2069)).forEach(b::appendCodePoint);
    n = b.toString().strip();
    while (n.startsWith(".")) {
      n = n.substring(1);
    }
    return n.length() > 200 ? n.substring(0, 200) : n;
  }

  private static String extension(String type) {
    return switch (type) {
      case "message/rfc822" -> ".eml";
      case "text/plain" -> ".txt";
      case "text/html" -> ".html";
      case "message/delivery-status" -> ".delivery-status.txt";
      case "text/rfc822-headers" -> ".headers.txt";
      case "application/pdf" -> ".pdf";
      case "image/png" -> ".png";
      case "image/jpeg" -> ".jpg";
      default -> ".bin";
    };
  }

  // ---------------------------------------------------------------- headers

  private static String rawHeader(MimeMessage m, String name) throws MessagingException {
    String v = m.getHeader(name, ",");
    return v == null ? "" : TextDecoder.fixEightBitHeader(MimeUtility.unfold(v));
  }

  private static Optional<String> first(Map<String, List<String>> headers, String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** Unfolded, 8-bit bytes decoded, encoded words decoded. */
  static String decodeHeader(String value) {
    if (value == null) {
      return "";
    }
    return storable(decodeWords(TextDecoder.fixEightBitHeader(MimeUtility.unfold(value)))).strip();
  }

  /**
   * {@code s} without U+0000: a NUL byte in mail text is never meant, and PostgreSQL's text type
   * cannot store it (the message could never be registered). The raw bytes keep it.
   */
  static String storable(String s) {
    return s.indexOf('\u0000') < 0 ? s : s.replace("\u0000", "");
  }

  /**
   * RFC 2047 encoded words, leniently: adjacent words (only white space between them) are joined
   * before decoding, so a character split across two words comes out whole; the bytes are decoded
   * with {@link TextDecoder} (mislabels handled); a word that cannot be decoded is kept as it is.
   */
  static String decodeWords(String s) {
    if (s.indexOf("=?") < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder();
    Matcher m = ENCODED_WORD.matcher(s);
    int last = 0;
    ByteArrayOutputStream pending = new ByteArrayOutputStream();
    String pendingCharset = null;
    while (m.find()) {
      String between = s.substring(last, m.start());
      boolean adjacent = pendingCharset != null && between.isBlank();
      byte[] bytes = wordBytes(m.group(2), m.group(3));
      String cs = m.group(1);
      int star = cs.indexOf('*'); // RFC 2231 language suffix
      if (star >= 0) {
        cs = cs.substring(0, star);
      }
      if (bytes == null) {
        flush(out, pending, pendingCharset);
        pendingCharset = null;
        out.append(between).append(m.group());
      } else if (adjacent && cs.equalsIgnoreCase(pendingCharset)) {
        pending.writeBytes(bytes);
      } else {
        flush(out, pending, pendingCharset);
        if (!adjacent) {
          out.append(between);
        }
        pending.writeBytes(bytes);
        pendingCharset = cs;
      }
      last = m.end();
    }
    flush(out, pending, pendingCharset);
    out.append(s.substring(last));
    return out.toString();
  }

  private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
    if (charset != null && pending.size() > 0) {
      out.append(TextDecoder.decode(pending.toByteArray(), charset));
    }
    pending.reset();
  }

  private static byte[] wordBytes(String encoding, String text) {
    try {
      if (encoding.equalsIgnoreCase("B")) {
        String t = text.replaceAll("[^A-Za-z0-9+/]", "");
        while (t.length() % 4 != 0) {
          t = t.length() % 4 == 1 ? t.substring(0, t.length() - 1) : t + "=";
        }
        return Base64.getDecoder().decode(t);
      }
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '_') {
          b.write(' ');
        } else if (c == '=' && i + 2 < text.length()
            && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
          b.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
          i += 2;
        } else {
          b.write(c & 0xff);
        }
      }
      return b.toByteArray();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }

  /**
   * {address, display name}; empty strings when there is none. The address is found even when the
   * display name is broken (an invalid encoded word, an unclosed quote, an unquoted comma). The
   * name is taken as written before {@code <address>} and its encoded words decoded together, so a
   * letter split between two words comes out whole (Jakarta decodes each word on its own).
   */
  static String[] address(String value) {
    if (value == null || value.isBlank()) {
      return new String[] {"", ""};
    }
    String addr = null;
    String personal = null;
    try {
      for (InternetAddress x : InternetAddress.parseHeader(value, false)) {
        String a = x.getAddress();
        if (a != null && a.contains("@") && !a.strip().matches(".*[\\s<>].*")) { // not "Name <addr" of a broken header
          addr = a.strip().replaceFirst("^@[^:]*:", ""); // an obsolete source route (RFC 5322 4.4) dropped
          personal = x.getPersonal();
          break;
        }
      }
    } catch (AddressException | RuntimeException e) {
      // fall back to the first thing that looks like an address
    }
    if (addr == null) {
      Matcher m = BARE_ADDRESS.matcher(value);
      if (!m.find()) {
        // the whole "Name <address>" inside one encoded word (a broken mailer): read it decoded
        String decoded = decodeWords(value);
        return decoded.equals(value) ? new String[] {"", ""} : address(decoded);
      }
      addr = m.group();
    }
    String name = displayName(value, addr);
    if (name == null || name.isEmpty()) {
      Matcher comment = Pattern.compile(Pattern.quote(addr) + ">?\\s*\\((.*)\\)", Pattern.CASE_INSENSITIVE).matcher(value);
      name = comment.find() ? comment.group(1) : personal == null ? "" : personal;
    }
    return new String[] {storable(addr), storable(oneLine(decodeWords(UNTERMINATED_WORD.matcher(name).replaceFirst("$0?="))))};
  }

  /** An encoded word at the end of a display name that lost its closing {@code ?=}. */
  private static final Pattern UNTERMINATED_WORD = Pattern.compile("=\\?[^?\\s]+\\?[bBqQ]\\?[^?\\s]*(?<!\\?=)$");

  /**
   * The display name written before {@code <addr>} in {@code value}: surrounding quotes and their
   * escapes removed, an unquoted comma kept; null when the address is not in angle brackets.
   */
  static String displayName(String value, String addr) {
    String lower = value.toLowerCase(Locale.ROOT);
    int a = lower.indexOf(addr.toLowerCase(Locale.ROOT));
    while (a >= 0) {
      int lt = value.lastIndexOf('<', a);
      if (lt >= 0 && value.substring(lt + 1, a).isBlank()) {
        String before = value.substring(0, lt);
        if (before.contains("@")) { // other addresses come first: the name follows the last comma
          before = before.substring(before.lastIndexOf(',') + 1);
        }
        String n = before.strip();
        if (n.startsWith("\"")) {
          n = n.substring(1);
          if (n.endsWith("\"")) {
            n = n.substring(0, n.length() - 1);
          }
          n = n.replaceAll("\\\\([\"\\\\])", "$1");
        }
        return n.strip();
      }
      a = lower.indexOf(addr.toLowerCase(Locale.ROOT), a + 1);
    }
    return null;
  }

  static Optional<Instant> date(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      Date d = new MailDateFormat().parse(value.strip(), new ParsePosition(0));
      return Optional.ofNullable(d).map(Date::toInstant);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  static List<String> ids(String value) {
    List<String> out = new ArrayList<>();
    Matcher m = ID.matcher(value == null ? "" : value);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static String oneLine(String s) {
    return s.replaceAll("[\\r\\n\\t]+", " ").strip();
  }

  // ---------------------------------------------------------------- HTML

  /** HTML to readable text: block elements and line breaks become new lines. */
  static String htmlToText(String html) {
    org.jsoup.nodes.Document doc = Jsoup.parse(html);
    doc.select("script, style, head, template, noscript").remove();
    StringBuilder b = new StringBuilder();
    Set<String> blocks = Set.of("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
        "table", "ul", "ol", "section", "article", "header", "footer", "address", "hr");
    doc.body().traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode t) {
          b.append(t.text());
        } else if (node instanceof Element e) {
          String tag = e.normalName();
          if (tag.equals("br")) {
            b.append('\n');
          } else if (blocks.contains(tag)) {
            newline(b);
          } else if (tag.equals("td") || tag.equals("th")) {
            b.append(' ');
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element e && blocks.contains(e.normalName())) {
          newline(b);
        }
      }
    });
    return b.toString().replaceAll("[ \\t\\u00a0]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
  }

  private static void newline(StringBuilder b) {
    if (b.length() > 0 && b.charAt(b.length() - 1) != '\n') {
      b.append('\n');
    }
  }

}
