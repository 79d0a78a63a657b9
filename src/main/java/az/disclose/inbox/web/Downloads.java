package az.disclose.inbox.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a stored file is served for download: its type only when it is one of the passive types
 * below (anything else, HTML, SVG, XML or script above all, as {@code application/octet-stream}),
 * always as an attachment, its name in {@code Content-Disposition} both as a plain ASCII fallback and
 * as RFC 5987 {@code filename*}, so that no name can add a header or a parameter.
 */
final class Downloads {
  /** The stored types served as they are; every other is {@link #OCTET_STREAM}. */
  static final Set<String> PASSIVE_TYPES = Set.of(
      "application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp", "text/plain", "text/csv",
      "application/zip", "application/msword", "application/vnd.ms-excel",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
      "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
      "application/vnd.oasis.opendocument.presentation");
  static final String OCTET_STREAM = "application/octet-stream";
  /** The longest file name put into the header (in characters); longer ones are cut, keeping the extension. */
  static final int MAX_NAME_CHARS = 150;
  private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*");

  private Downloads() {}

  /** The {@code Content-Type} for a file stored as {@code stored} (its parameters dropped). */
  static String contentType(String stored) {
    if (stored == null) {
      return OCTET_STREAM;
    }
    String type = stored.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!MEDIA_TYPE.matcher(type).matches() || !PASSIVE_TYPES.contains(type)) {
      return OCTET_STREAM;
    }
    return type.equals("text/plain") || type.equals("text/csv") ? type + "; charset=utf-8" : type;
  }

  /** {@code attachment; filename="ascii"; filename*=UTF-8''percent-encoded}. */
  static String contentDisposition(String name) {
    String n = safeName(name);
    return "attachment; filename=\"" + asciiFallback(n) + "\"; filename*=UTF-8''" + rfc5987(n);
  }

  /** The name without control characters, path separators or leading dots, never empty. */
  static String safeName(String name) {
    StringBuilder b = new StringBuilder();
    String n = name == null ? "" : name;
    n.codePoints().forEach(cp -> {
      boolean bad = cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp == '/' || cp == '\\'
          || cp == 0x2028 || cp == 0x2029 || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
      b.appendCodePoint(bad ? '_' : cp);
    });
    String s = b.toString().strip();
    while (s.startsWith(".")) {
      s = s.substring(1);
    }
    if (s.codePointCount(0, s.length()) > MAX_NAME_CHARS) {
      int dot = s.lastIndexOf('.');
      String ext = dot > 0 && s.length() - dot <= 10 ? s.substring(dot) : "";
      s = s.substring(0, s.offsetByCodePoints(0, MAX_NAME_CHARS - ext.length())) + ext;
    }
    return s.isEmpty() ? "file" : s;
  }

  private static String asciiFallback(String name) {
    StringBuilder b = new StringBuilder();
    for (char c : name.toCharArray()) {
      b.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ';' && c != '%' ? c : '_');
    }
    return b.toString();
  }

  /** RFC 5987 {@code value-chars}: attr-chars as they are, every other UTF-8 byte as {@code %XX}. */
  static String rfc5987(String s) {
    StringBuilder b = new StringBuilder();
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return b.toString();
  }
}
