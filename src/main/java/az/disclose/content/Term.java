package az.disclose.content;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A measure's execution period as the order states it ({@code text}), parsed: either a span of
 * years or "mütəmadi" (on a regular basis).
 */
public record Term(String text, boolean regular, int fromYear, int toYear) {
  private static final Locale AZ = Locale.forLanguageTag("az");
  private static final Pattern SPAN = Pattern.compile("(\\d{4})\\s*[-–]\\s*(\\d{4})\\s*-?\\s*[a-zçəğıöşü]*\\s+ill[əe]r");
  private static final Pattern YEAR = Pattern.compile("(\\d{4})\\s*-?\\s*[a-zçəğıöşü]*\\s+il");

  /** Parses the order's wording; empty when it is neither a year span nor "mütəmadi". */
  public static Optional<Term> parse(String text) {
    String t = text.strip().toLowerCase(AZ);
    if (t.equals("mütəmadi")) {
      return Optional.of(new Term(text.strip(), true, 0, 0));
    }
    Matcher span = SPAN.matcher(t);
    if (span.matches()) {
      int from = Integer.parseInt(span.group(1));
      int to = Integer.parseInt(span.group(2));
      return from <= to ? Optional.of(new Term(text.strip(), false, from, to)) : Optional.empty();
    }
    Matcher year = YEAR.matcher(t);
    if (year.matches()) {
      int y = Integer.parseInt(year.group(1));
      return Optional.of(new Term(text.strip(), false, y, y));
    }
    return Optional.empty();
  }
}
