package az.disclose.content;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 without decoding what is not needed: a content file's front matter is decoded, the
 * rest (the Markdown body, read again when its page is rendered) is only checked, byte by byte,
 * with the rules of the JDK's decoder (no overlong forms, no surrogates, nothing above U+10FFFF,
 * no truncated sequence).
 */
final class Utf8 {
  private Utf8() {}

  /**
   * Splits a content file's bytes as {@link FrontMatter#split} splits its text, decoding only up
   * to the end of the front matter; throws as {@link java.nio.file.Files#readString} would when
   * any part of the file is not UTF-8.
   */
  static FrontMatter splitFrontMatter(byte[] bytes) throws CharacterCodingException, FrontMatter.Missing {
    int prefix = frontMatterEnd(bytes);
    if (!isValid(bytes, 0, bytes.length)) {
      throw new MalformedInputException(1);
    }
    return FrontMatter.split(new String(bytes, 0, prefix, StandardCharsets.UTF_8));
  }

  /**
   * The byte index just after the line that closes the front matter (as {@link FrontMatter#split}
   * finds it), or the file's length when there is none. Only a line that starts with {@code ---}
   * or {@code ...} can close it; such a line is decoded and tested exactly as {@code split} does.
   */
  static int frontMatterEnd(byte[] bytes) {
    int n = bytes.length;
    int lineStart = indexOfNewline(bytes, 0) + 1;
    while (lineStart > 0 && lineStart < n) {
      int nl = indexOfNewline(bytes, lineStart);
      int end = nl < 0 ? n : nl;
      if (end - lineStart >= 3 && startsWithMarker(bytes, lineStart)) {
        String content = new String(bytes, lineStart, end - lineStart, StandardCharsets.UTF_8).stripTrailing();
        if (content.equals("---") || content.equals("...")) {
          return nl < 0 ? n : nl + 1;
        }
      }
      lineStart = nl + 1;
    }
    return n;
  }

  private static boolean startsWithMarker(byte[] b, int i) {
    byte c = b[i];
    return (c == '-' || c == '.') && b[i + 1] == c && b[i + 2] == c;
  }

  private static int indexOfNewline(byte[] b, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Whether {@code b[from..to)} is well-formed UTF-8, as the JDK's decoder judges it. */
  static boolean isValid(byte[] b, int from, int to) {
    int i = from;
    while (i < to) {
      int c = b[i];
      if (c >= 0) {
        i++;
        continue;
      }
      if ((c & 0xE0) == 0xC0) {
        if (c == (byte) 0xC0 || c == (byte) 0xC1 || i + 1 >= to || (b[i + 1] & 0xC0) != 0x80) {
          return false;
        }
        i += 2;
      } else if ((c & 0xF0) == 0xE0) {
        if (i + 2 >= to || (b[i + 1] & 0xC0) != 0x80 || (b[i + 2] & 0xC0) != 0x80) {
          return false;
        }
        int cp = ((c & 0x0F) << 12) | ((b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F);
        if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) {
          return false;
        }
        i += 3;
      } else if ((c & 0xF8) == 0xF0) {
        if (i + 3 >= to || (b[i + 1] & 0xC0) != 0x80 || (b[i + 2] & 0xC0) != 0x80 || (b[i + 3] & 0xC0) != 0x80) {
          return false;
        }
        int cp = ((c & 0x07) << 18) | ((b[i + 1] & 0x3F) << 12) | ((b[i + 2] & 0x3F) << 6) | (b[i + 3] & 0x3F);
        if (cp < 0x10000 || cp > 0x10FFFF) {
          return false;
        }
        i += 4;
      } else {
        return false;
      }
    }
    return true;
  }
}
