package az.disclose.content;

import java.util.Locale;

/**
 * URL slugs from Azerbaijani text: lower case with the {@code az} locale, the Azerbaijani letters
 * transliterated (ə→e, ı→i, ğ→g, ö→o, ü→u, ç→c, ş→s, İ→i), everything else that is not a letter or
 * digit turned into single hyphens.
 */
public final class Slugs {
  private static final Locale AZ = Locale.forLanguageTag("az");

  private Slugs() {}

  public static String of(String text) {
    String lower = text.toLowerCase(AZ);
    StringBuilder out = new StringBuilder(lower.length());
    boolean hyphen = false;
    for (int i = 0; i < lower.length(); i++) {
      char c = transliterate(lower.charAt(i));
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.append(c);
        hyphen = false;
      } else if (!hyphen && out.length() > 0) {
        out.append('-');
        hyphen = true;
      }
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == '-') {
      end--;
    }
    return out.substring(0, end);
  }

  /** Whether {@code slug} is already in slug form (what {@link #of} returns for it). */
  public static boolean isValid(String slug) {
    return !slug.isEmpty() && of(slug).equals(slug);
  }

  private static char transliterate(char c) {
    return switch (c) {
      case 'ə', 'ä' -> 'e';
      case 'ı', 'i', 'î', 'ì', 'í' -> 'i';
      case 'ğ' -> 'g';
      case 'ö' -> 'o';
      case 'ü' -> 'u';
      case 'ç' -> 'c';
      case 'ş' -> 's';
      case '\u0307' -> '\0'; // combining dot left by toLowerCase of İ in other locales
      default -> c;
    };
  }
}
