package az.disclose.inbox;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The folding of the register's text search (docs/register.md, "Queues"): NFC, lower case by the
 * Azerbaijani rules (İ→i, I→ı), then the dotless ı as i, so that "İnformasiya", "INFORMASIYA" and
 * "informasiya" all match each other (an officer cannot know whether a requester typed I or İ).
 * The register stores each request's number, subject and text folded so, and folds the search
 * term the same way; the database then looks for the term as a plain substring ({@code instr} on
 * SQLite, {@code strpos} on PostgreSQL), so {@code %} and {@code _} in a term are ordinary characters.
 */
public final class SearchText {
  private static final Locale AZ = Locale.forLanguageTag("az");

  private SearchText() {}

  public static String fold(String text) {
    if (text == null) {
      return "";
    }
    return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(AZ).replace('ı', 'i');
  }

  /** What a request is searched by: its number, subject and text, folded. */
  public static String of(String number, String subject, String message) {
    return fold(number + "\n" + (subject == null ? "" : subject) + "\n" + (message == null ? "" : message));
  }
}
