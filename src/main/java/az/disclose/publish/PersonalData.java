package az.disclose.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;
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

  /**
   * What may not come just before a match of a kind: nothing (an e-mail address), a word character
   * (as {@code (?<![\p{L}\p{N}\p{Mn}])}), or a word character or a plus (a phone number). Tested at
   * a match (AzText.wordCharBefore) rather than by a look-behind that starts the pattern: that one
   * is tried at every position of the text and made these patterns most of a full build's time.
   */
  enum Before {
    ANY,
    NO_WORD,
    NO_WORD_OR_PLUS;

    boolean allows(CharSequence text, int at) {
      return switch (this) {
        case ANY -> true;
        case NO_WORD -> !AzText.wordCharBefore(text, at);
        case NO_WORD_OR_PLUS -> !AzText.wordCharBefore(text, at) && (at == 0 || text.charAt(at - 1) != '+');
      };
    }
  }

  private static final String E = "(?![\\p{L}\\p{N}\\p{Mn}])";
  private static final String SEP = "[ .\\-]?";

  /** Kinds, in the order they are matched (earlier kinds win where matches overlap). */
  enum Kind {
    EMAIL_ADDRESS("personal e-mail address", PersonalData.EMAIL, Before.ANY,
        c -> c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "._%+-".indexOf(c) >= 0),
    /** Identity cards: AZE + 8 digits (issued until 2018), AA + 7 digits (from 2018). */
    ID_CARD("identity card or passport number", Pattern.compile("(?:AZE ?№? ?\\d{8}|AA ?№? ?\\d{7})" + "(?!\\d)"), Before.NO_WORD,
        c -> c == 'A'),
    /**
     * Mobile numbers and Baku landlines: +994 and 9 digits, or 0 and an operator or Baku code
     * (50, 51, 55, 70, 77, 99, 10, 12) and 7 digits, with spaces, dots, hyphens or brackets.
     */
    PHONE("phone number", Pattern.compile(
        "(?:(?:\\+|00) ?994" + SEP + "\\(?\\d{2}\\)?|\\(?0(?:50|51|55|70|77|99|10|12)\\)?)"
            + SEP + "\\d{3}" + SEP + "\\d{2}" + SEP + "\\d{2}(?!\\d)"), Before.NO_WORD_OR_PLUS,
        c -> c == '+' || c == '0' || c == '('),
    /**
     * FİN: 7 characters, upper-case Latin letters except I and O, and digits. Only codes with both
     * a letter and a digit are reported (a 7-letter word or a 7-digit number is not one).
     */
    FIN("personal identification code (FİN)", Pattern.compile("(?=[0-9A-Z]*[0-9])(?=[0-9A-Z]*[A-Z])[0-9A-HJ-NP-Z]{7}" + E), Before.NO_WORD,
        c -> c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' && c != 'I' && c != 'O');

    final String label;
    final Pattern pattern;
    final Before before;
    /** Whether a match can start with the character: the pattern is tried only where one does. */
    final IntPredicate first;

    Kind(String label, Pattern pattern, Before before, IntPredicate first) {
      this.label = label;
      this.pattern = pattern;
      this.before = before;
      this.first = first;
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
      if (kind == Kind.EMAIL_ADDRESS && text.indexOf('@') < 0) {
        continue; // no address without an @: the pattern would try every word
      }
      // What find() does, position by position, left to right, a match taken whole and the search
      // going on after it; but the pattern is only tried where the character may start a match
      // and what comes before allows one: a branch or a look-ahead at the head of a pattern,
      // tried by the engine at every position, made this most of a full build's time.
      Matcher m = kind.pattern.matcher(text).useTransparentBounds(true);
      int n = text.length();
      for (int at = 0; at < n; at++) {
        if (!kind.first.test(text.charAt(at)) || !kind.before.allows(text, at) || !m.region(at, n).lookingAt()) {
          continue;
        }
        int s = at;
        int e = m.end();
        at = e - 1; // on after the match (matches are never empty)
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

  List<Finding> check(ContentFile file, String text) {
    List<Hit> hits = find(text);
    if (hits.isEmpty()) {
      return List.of();
    }
    Lines lines = new Lines(text, 1);
    List<Finding> out = new ArrayList<>();
    for (Hit h : hits) {
      out.add(Finding.error(file.file(), lines.lineOf(h.offset()), Rules.PERSONAL_DATA,
          h.kind().label + " " + h.masked() + " must not be published",
          h.kind() == Kind.EMAIL_ADDRESS
              ? "remove it, or, if it is an official address of the Ministry, add it to 'official_emails' in data/check.yaml"
              : "remove it (or replace it with the Ministry's contact); if it is meant to be public, allow that line in data/check.yaml with the reason"));
    }
    return out;
  }
}
