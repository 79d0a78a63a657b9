package az.disclose.publish;

/**
 * Case folding for Azerbaijani text. Java's {@code toLowerCase(Locale)} may change the length of a
 * string (İ becomes i + U+0307 outside the az locale), which would break offsets; these fold one
 * character at a time and keep every offset.
 */
final class AzText {
  private AzText() {}

  /** Lower case with the Azerbaijani rules: I→ı, İ→i. */
  static String foldAz(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(switch (c) {
        case 'I' -> 'ı';
        case 'İ' -> 'i';
        default -> Character.toLowerCase(c);
      });
    }
    return sb.toString();
  }

  /**
   * Lower case with the English rules (I→i), İ→i too: "CONFIDENTIAL", or "MƏXFI" typed on a
   * keyboard without İ, still matches.
   */
  static String foldLatin(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(c == 'İ' ? 'i' : Character.toLowerCase(c));
    }
    return sb.toString();
  }

  static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
  }
}
