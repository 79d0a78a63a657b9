package az.disclose.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Personal data that must not be published by mistake: Azerbaijani personal identification codes
 * (FİN), identity card and passport numbers, phone numbers and e-mail addresses other than the
 * official ones. Patterns, not certainty: a match is an error to look at; what is meant to be
 * public is allowed in data/check.yaml with the reason. Matched text is masked in the findings, so
 * that the check's own output (CI logs) does not spread it.
 */
public final class PersonalData {
  public static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}");

  private static final String B = "(?<![\\p{L}\\p{N}\\p{Mn}])";
  private static final String E = "(?![\\p{L}\\p{N}\\p{Mn}])";
  private static final String SEP = "[ .\\-]?";

  /** Kinds, in the order they are matched (earlier kinds win where matches overlap). */
  enum Kind {
    EMAIL_ADDRESS("personal e-mail address", PersonalData.EMAIL),
    /** Identity cards: AZE + 8 digits (issued until 2018), AA + 7 digits (from 2018). */
    ID_CARD("identity card or passport number", Pattern.compile(B + "(?:AZE ?№? ?\\d{8}|AA ?№? ?\\d{7})" + "(?!\\d)")),
    /**
     * Mobile numbers and Baku landlines: +994 and 9 digits, or 0 and an operator or Baku code
     * (50, 51, 55, 70, 77, 99, 10, 12) and 7 digits, with spaces, dots, hyphens or brackets.
     */
    PHONE("phone number", Pattern.compile(
        "(?<![\\p{L}\\p{N}+])(?:(?:\\+|00) ?994" + SEP + "\\(?\\d{2}\\)?|\\(?0(?:50|51|55|70|77|99|10|12)\\)?)"
            + SEP + "\\d{3}" + SEP + "\\d{2}" + SEP + "\\d{2}(?!\\d)")),
    /**
     * FİN: 7 characters, upper-case Latin letters except I and O, and digits. Only codes with both
     * a letter and a digit are reported (a 7-letter word or a 7-digit number is not one).
     */
    FIN("personal identification code (FİN)", Pattern.compile(B + "(?=[0-9A-Z]*[0-9])(?=[0-9A-Z]*[A-Z])[0-9A-HJ-NP-Z]{7}" + E));

    final String label;
    final Pattern pattern;

    Kind(String label, Pattern pattern) {
      this.label = label;
      this.pattern = pattern;
    }
  }

  public record Hit(int offset, int end, Kind kind, String masked) {}

  private final Set<String> officialEmails;

  public PersonalData(List<String> officialEmails) {
    this.officialEmails = officialEmails.stream().map(e -> e.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  public List<Hit> find(String text) {
    List<Hit> hits = new ArrayList<>();
    List<int[]> taken = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      Matcher m = kind.pattern.matcher(text);
      while (m.find()) {
        int s = m.start();
        int e = m.end();
        boolean overlaps = taken.stream().anyMatch(r -> s < r[1] && e > r[0]);
        if (overlaps) {
          continue;
        }
        taken.add(new int[] {s, e});
        if (kind == Kind.EMAIL_ADDRESS && officialEmails.contains(m.group().toLowerCase(Locale.ROOT))) {
          continue;
        }
        hits.add(new Hit(s, e, kind, mask(kind, m.group())));
      }
    }
    hits.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
    return hits;
  }

  /** Keeps only what locates the match: e-mail as {@code a•••@domain}, others their first 2 characters. */
  static String mask(Kind kind, String s) {
    if (kind == Kind.EMAIL_ADDRESS) {
      int at = s.indexOf('@');
      return s.charAt(0) + "•••" + s.substring(at);
    }
    StringBuilder sb = new StringBuilder();
    int kept = 0;
    for (char c : s.toCharArray()) {
      if (Character.isLetterOrDigit(c) && kept >= 2) {
        sb.append('•');
      } else {
        if (Character.isLetterOrDigit(c) || c == '+') {
          kept++;
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }

  List<Finding> check(ContentFile file) {
    String text = String.join("\n", file.lines());
    Lines lines = new Lines(text, 1);
    List<Finding> out = new ArrayList<>();
    for (Hit h : find(text)) {
      out.add(Finding.error(file.file(), lines.lineOf(h.offset()), Rules.PERSONAL_DATA,
          h.kind().label + " " + h.masked() + " must not be published",
          h.kind() == Kind.EMAIL_ADDRESS
              ? "remove it, or, if it is an official address of the Ministry, add it to 'official_emails' in data/check.yaml"
              : "remove it (or replace it with the Ministry's contact); if it is meant to be public, allow that line in data/check.yaml with the reason"));
    }
    return out;
  }
}
