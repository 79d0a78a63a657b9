package az.disclose.publish;

/**
 * Case folding for Azerbaijani text. Java's {@code toLowerCase(Locale)} may change the length of a
 * string (İ becomes i + U+0307 outside the az locale), which would break offsets; these fold one
 * character at a time and keep every offset.
 */
final class AzText {
  private AzText() {}

  /**
   * The Azerbaijani folding of the characters below U+2100 (Latin and its extensions, ə, Cyrillic,
   * punctuation): looked up rather than asked of Character, whose tables cost most of folding an
   * item's text.
   */
  private static final char[] FOLD_AZ = new char[0x2100];
  /** The English folding of the same characters. */
  private static final char[] FOLD_LATIN = new char[0x2100];

  static {
    for (char c = 0; c < FOLD_AZ.length; c++) {
      FOLD_LATIN[c] = c == 'İ' ? 'i' : Character.toLowerCase(c);
      FOLD_AZ[c] = c == 'I' ? 'ı' : FOLD_LATIN[c];
    }
  }

  /** Lower case with the Azerbaijani rules: I→ı, İ→i. */
  static String foldAz(String s) {
    char[] out = null; // made at the first character that changes: a folded text is returned as it is
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char f = c < FOLD_AZ.length ? FOLD_AZ[c] : Character.toLowerCase(c);
      if (f != c && out == null) {
        out = s.toCharArray();
      }
      if (out != null) {
        out[i] = f;
      }
    }
    return out == null ? s : new String(out);
  }

  /**
   * Lower case with the English rules (I→i), İ→i too: "CONFIDENTIAL", or "MƏXFI" typed on a
   * keyboard without İ, still matches.
   */
  static String foldLatin(String s) {
    char[] out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char f = c < FOLD_LATIN.length ? FOLD_LATIN[c] : Character.toLowerCase(c);
      if (f != c && out == null) {
        out = s.toCharArray();
      }
      if (out != null) {
        out[i] = f;
      }
    }
    return out == null ? s : new String(out);
  }

  /**
   * Whether the character just before {@code at} is a letter, a number or a non-spacing mark: what
   * the look-behind {@code (?<![\p{L}\p{N}\p{Mn}])} tests, exactly (a surrogate, half of a
   * character outside the BMP, is none of them for it either), without being a regular expression.
   * A look-behind at the start of a pattern is tried at every position of the text and kept the
   * regular expression engine from skipping ahead to a literal (a build of 10,000 news spent most
   * of its time there); the patterns start with their literal and the callers test this at a match.
   */
  static boolean wordCharBefore(CharSequence text, int at) {
    if (at == 0) {
      return false;
    }
    char c = text.charAt(at - 1);
    return switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER, Character.MODIFIER_LETTER,
          Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
          Character.NON_SPACING_MARK -> true;
      default -> false;
    };
  }

  static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
  }
}
