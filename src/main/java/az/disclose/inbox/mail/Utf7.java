package az.disclose.inbox.mail;

import java.util.Locale;
import java.util.Set;

/**
 * UTF-7 (RFC 2152) to text. The JDK has no UTF-7 charset and Angus Mail has none either (its
 * modified UTF-7 is for IMAP folder names only, RFC 3501 5.1.3, a different alphabet), so mail
 * labelled {@code utf-7} is decoded here: ASCII as it is; {@code +} starts a run of modified
 * base64 of UTF-16 code units, ended by any character outside the base64 alphabet ({@code -} is
 * absorbed); {@code +-} is a plus sign. Lenient: a malformed run is dropped, a lone surrogate
 * becomes U+FFFD, bytes above 0x7F are read as ISO-8859-1. Never throws.
 */
final class Utf7 {
  /** The labels mailers use for UTF-7. */
  static final Set<String> LABELS = Set.of("utf-7", "utf7", "unicode-1-1-utf-7", "csunicode11utf7", "x-utf-7");
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  private Utf7() {}

  static boolean isLabel(String label) {
    return label != null && LABELS.contains(label.trim().replace("\"", "").toLowerCase(Locale.ROOT));
  }

  static String decode(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length);
    int i = 0;
    while (i < bytes.length) {
      int c = bytes[i] & 0xff;
      if (c != '+') {
        out.append((char) c);
        i++;
        continue;
      }
      i++;
      if (i < bytes.length && bytes[i] == '-') {
        out.append('+');
        i++;
        continue;
      }
      int bits = 0;
      int buffer = 0;
      StringBuilder units = new StringBuilder();
      while (i < bytes.length) {
        int v = ALPHABET.indexOf(bytes[i] & 0xff);
        if (v < 0 || bytes[i] < 0) {
          break;
        }
        buffer = (buffer << 6) | v;
        bits += 6;
        if (bits >= 16) {
          bits -= 16;
          units.append((char) ((buffer >> bits) & 0xffff));
        }
        i++;
      }
      if (i < bytes.length && bytes[i] == '-') {
        i++; // the explicit end of the run
      }
      appendChecked(out, units);
    }
    return out.toString();
  }

  /** UTF-16 units with unpaired surrogates replaced. */
  private static void appendChecked(StringBuilder out, CharSequence units) {
    for (int k = 0; k < units.length(); k++) {
      char ch = units.charAt(k);
      if (Character.isHighSurrogate(ch) && k + 1 < units.length() && Character.isLowSurrogate(units.charAt(k + 1))) {
        out.append(ch).append(units.charAt(++k));
      } else if (Character.isSurrogate(ch)) {
        out.append('\ufffd');
      } else {
        out.append(ch);
      }
    }
  }
}
