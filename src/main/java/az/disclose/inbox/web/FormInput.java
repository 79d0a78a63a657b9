package az.disclose.inbox.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.MultiPart;

/**
 * A submitted form, decoded from the exact body bytes: every value of every text field, and the
 * uploaded files of the {@code attachments} field as places in the body (nothing is copied), so
 * that the register can keep the body once and each attachment as a slice of it.
 *
 * <p>Text must be valid UTF-8 (the form says {@code accept-charset="UTF-8"}); anything else is
 * refused with {@link MalformedException#encoding()}, never silently replaced.
 */
record FormInput(Map<String, List<String>> values, List<Upload> files) {

  static final String ATTACHMENTS = "attachments";
  /** Part headers longer than this are not a browser's. */
  static final int MAX_PART_HEADER_BYTES = 16 * 1024;

  /** One uploaded file as the browser sent it: {@code length} bytes of {@code body} from {@code offset}. */
  record Upload(String fileName, byte[] body, int offset, int length) {
    /** A copy of the file's bytes. */
    byte[] bytes() {
      return Arrays.copyOfRange(body, offset, offset + length);
    }
  }

  /** The body could not be decoded as the form it claims to be. */
  static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean encoding;

    MalformedException(String message) {
      this(message, false);
    }

    MalformedException(String message, boolean encoding) {
      super(message);
      this.encoding = encoding;
    }

    /** Whether the fault is text that is not UTF-8. */
    boolean encoding() {
      return encoding;
    }
  }

  /** The first value of {@code name}, or null. */
  String get(String name) {
    List<String> all = values.get(name);
    return all == null || all.isEmpty() ? null : all.get(0);
  }

  /** Every value of {@code name}, in the order sent. */
  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  /** {@code application/x-www-form-urlencoded}, UTF-8. */
  static FormInput urlEncoded(byte[] body) throws MalformedException {
    Map<String, List<String>> values = new LinkedHashMap<>();
    int start = 0;
    while (start <= body.length) {
      int end = start;
      while (end < body.length && body[end] != '&') {
        end++;
      }
      if (end > start) {
        int eq = start;
        while (eq < end && body[eq] != '=') {
          eq++;
        }
        String name = percentDecode(body, start, eq);
        String value = eq < end ? percentDecode(body, eq + 1, end) : "";
        values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
      start = end + 1;
    }
    return new FormInput(values, List.of());
  }

  private static String percentDecode(byte[] b, int from, int to) throws MalformedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c == '+') {
        out.write(' ');
      } else if (c == '%') {
        int hi = i + 2 < to ? Character.digit(b[i + 1], 16) : -1;
        int lo = hi >= 0 ? Character.digit(b[i + 2], 16) : -1;
        if (lo < 0) {
          throw new MalformedException("malformed url-encoded form: a '%' not followed by two hex digits");
        }
        out.write(hi * 16 + lo);
        i += 2;
      } else {
        out.write(c);
      }
    }
    byte[] bytes = out.toByteArray();
    return utf8(bytes, 0, bytes.length, "a url-encoded field");
  }

  /** The bytes as UTF-8, refusing anything that is not. */
  static String utf8(byte[] b, int offset, int length, String what) throws MalformedException {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b, offset, length))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedException(what + " is not valid UTF-8", true);
    }
  }

  /**
   * {@code multipart/form-data} (RFC 7578): the parts between the boundary's delimiters, their
   * {@code Content-Disposition} names and file names. At most {@link IntakeLimits#maxParts()} text
   * fields; files are only located here (their count and sizes are the validator's to judge).
   */
  static FormInput multipart(byte[] body, String contentType, IntakeLimits limits) throws MalformedException {
    String boundary = MultiPart.extractBoundary(contentType);
    if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
      throw new MalformedException("multipart form without a valid boundary");
    }
    byte[] dash = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    // the first delimiter: at the very start, or after a preamble and a line break
    int at = startsWith(body, 0, dash) ? 0 : indexOf(body, delimiter, 0);
    if (at < 0) {
      throw new MalformedException("multipart form without its boundary");
    }
    at += at == 0 && startsWith(body, 0, dash) ? dash.length : delimiter.length;
    Map<String, List<String>> values = new LinkedHashMap<>();
    List<Upload> files = new ArrayList<>();
    int fields = 0;
    while (true) {
      if (startsWith(body, at, new byte[] {'-', '-'})) {
        return new FormInput(values, files); // the close delimiter; the epilogue is ignored
      }
      while (at < body.length && (body[at] == ' ' || body[at] == '\t')) {
        at++; // transport padding
      }
      if (!startsWith(body, at, new byte[] {'\r', '\n'})) {
        throw new MalformedException("multipart form: a boundary line is not followed by a line break");
      }
      at += 2;
      int headersEnd = indexOf(body, new byte[] {'\r', '\n', '\r', '\n'}, at - 2);
      if (headersEnd < 0 || headersEnd - at > MAX_PART_HEADER_BYTES) {
        throw new MalformedException("multipart form: a part's headers do not end");
      }
      String name = null;
      String fileName = null;
      String headers = headersEnd < at ? "" : utf8(body, at, headersEnd - at, "a part's headers");
      for (String line : headers.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Disposition")) {
          Map<String, String> params = dispositionParameters(line.substring(colon + 1));
          name = params.get("name");
          fileName = params.containsKey("filename*") ? extended(params.get("filename*")) : params.get("filename");
        }
      }
      int contentStart = headersEnd < at ? at + 2 : headersEnd + 4;
      int contentEnd = indexOf(body, delimiter, contentStart);
      if (contentEnd < 0) {
        throw new MalformedException("multipart form: the last part does not end with the boundary");
      }
      if (name == null) {
        throw new MalformedException("multipart form: a part without a Content-Disposition name");
      }
      if (fileName != null) {
        if (name.equals(ATTACHMENTS) && !(fileName.isEmpty() && contentEnd == contentStart)) {
          // (an empty file input sends an empty part without a name: not a file)
          files.add(new Upload(fileName, body, contentStart, contentEnd - contentStart));
        }
      } else {
        if (++fields > limits.maxParts()) {
          throw new MalformedException("multipart form with more than " + limits.maxParts() + " fields");
        }
        values.computeIfAbsent(name, k -> new ArrayList<>())
            .add(utf8(body, contentStart, contentEnd - contentStart, "the field '" + name + "'"));
      }
      at = contentEnd + delimiter.length;
    }
  }

  /** The parameters of a {@code Content-Disposition} value, names in lower case, quotes removed. */
  static Map<String, String> dispositionParameters(String value) {
    Map<String, String> out = new LinkedHashMap<>();
    int i = value.indexOf(';');
    while (i >= 0 && i < value.length()) {
      i++;
      int eq = value.indexOf('=', i);
      if (eq < 0) {
        break;
      }
      String key = value.substring(i, eq).trim().toLowerCase(Locale.ROOT);
      int j = eq + 1;
      while (j < value.length() && value.charAt(j) == ' ') {
        j++;
      }
      String v;
      int next;
      if (j < value.length() && value.charAt(j) == '"') {
        // Browsers send '"' in a name as %22 and never escape '\' (an old browser's C:\path\file)
        int close = value.indexOf('"', j + 1);
        close = close < 0 ? value.length() : close;
        v = value.substring(j + 1, close);
        next = value.indexOf(';', close);
      } else {
        next = value.indexOf(';', j);
        v = value.substring(j, next < 0 ? value.length() : next).trim();
      }
      out.putIfAbsent(key, v);
      i = next;
    }
    return out;
  }

  /** An RFC 8187 value ({@code UTF-8''na%C3%A7}); as sent when it is not one. */
  private static String extended(String value) throws MalformedException {
    int quote = value.indexOf("''");
    if (quote < 0 || !value.substring(0, quote).equalsIgnoreCase("UTF-8")) {
      return value;
    }
    // '+' is itself here, not a space
    byte[] raw = value.substring(quote + 2).replace("+", "%2B").getBytes(StandardCharsets.ISO_8859_1);
    return percentDecode(raw, 0, raw.length);
  }

  private static boolean startsWith(byte[] b, int at, byte[] prefix) {
    if (at < 0 || at + prefix.length > b.length) {
      return false;
    }
    return Arrays.equals(b, at, at + prefix.length, prefix, 0, prefix.length);
  }

  /** The first index of {@code needle} in {@code b} at or after {@code from}, or -1. */
  static int indexOf(byte[] b, byte[] needle, int from) {
    byte first = needle[0];
    int last = b.length - needle.length;
    for (int i = Math.max(0, from); i <= last; i++) {
      if (b[i] == first && Arrays.equals(b, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }
}
