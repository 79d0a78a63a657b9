package az.disclose.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule 4.3 of the FOI rules: "İctimaiyyətə yalnız açıq məlumatlar ötürülməli və onların tərkibində
 * məxfi və konfidensial informasiya olmamalıdır". Finds the configured markers of confidential text
 * (məxfi, konfidensial, xidməti istifadə üçün, DSP, confidential, for official use only, ...):
 * whole words (a marker ending in {@code *} matches words starting with it), case-insensitive with
 * the Azerbaijani rules (MƏXFİ = məxfi) and with the English ones (CONFIDENTIAL, MƏXFI typed
 * without İ), words of a phrase separated by any white space, line breaks included.
 *
 * <p>Azerbaijani is agglutinative: the last word of a marker also matches with the endings a
 * sentence puts on it ({@link #INFLECTION}): the copula ("məxfidir", "üçündür"), plural, case and
 * possessive endings ("məxfiyə", "konfidensialları"), and the abstract noun in -lik with its forms
 * ("məxfiliyi", "konfidensiallığın"). Other words that merely start with a marker do not match.
 * One phrase is excepted ({@link #EXCEPTIONS}): "məxfilik siyasəti", a website's privacy policy,
 * which is a public text about personal data, not a marking of secret material.
 */
public final class ConfidentialMarkers {
  private static final String NOT_WORD_AFTER = "(?![\\p{L}\\p{N}\\p{Mn}])";

  /**
   * The endings accepted after a marker's last word, in the folded (lower-case) text: an optional
   * abstract-noun suffix (-lik/-lıq/-luq/-lük, with k/q becoming y/ğ before a vowel), an optional
   * plural, an optional case or possessive ending, an optional copula (-dir/-dır/-dur/-dür,
   * -tir/-tır). Every variant of vowel harmony is accepted: a wrong one is a spelling mistake, and
   * a confidential marker misspelled is still a marker.
   */
  static final String INFLECTION = "(?:l[iıuü][kqyğ])?(?:l[aə]r)?"
      + "(?:n?[iıuü]n|n?[iıuü]|y?[aə]|[dt][aə]n?|n[dt][aə]n?|l[aə]|y?l[aə]|s[iıuü]n?[aə]?|s[iıuü]nd[aə]n?|n[aə])?"
      + "(?:[dt][iıuü]r)?";

  /**
   * Phrases, in folded form as regular expressions, whose marker-like word is not a marking of
   * confidential material: a hit that starts one of them is dropped.
   */
  static final List<Pattern> EXCEPTIONS = List.of(
      Pattern.compile("məxfilik\\s+siyasət"));

  /**
   * A marker's pattern for one folding, and the text every match of it starts with (its first
   * word, folded): what is looked for before the pattern is tried.
   */
  private record Search(Pattern pattern, String first) {
    static Search of(String folded) {
      return new Search(ConfidentialMarkers.pattern(folded), firstWord(folded));
    }
  }

  /** {@code latin} is null when the marker folds alike both ways (it has no I): one search serves. */
  private record Marker(String text, Search az, Search latin) {}

  private final List<Marker> markers = new ArrayList<>();

  public ConfidentialMarkers(List<String> markers) {
    for (String m : markers) {
      String t = m.strip();
      String az = AzText.foldAz(t);
      String latin = AzText.foldLatin(t);
      this.markers.add(new Marker(t, Search.of(az), latin.equals(az) ? null : Search.of(latin)));
    }
  }

  private static String firstWord(String folded) {
    String words = folded.endsWith("*") ? folded.substring(0, folded.length() - 1) : folded;
    return words.strip().split("\\s+")[0];
  }

  private static Pattern pattern(String folded) {
    boolean prefix = folded.endsWith("*");
    String words = prefix ? folded.substring(0, folded.length() - 1) : folded;
    // No word character before the marker: tested by find (AzText.wordCharBefore), not by a
    // look-behind here, so that the pattern starts with the marker's text and the engine searches
    // for that text rather than trying the pattern at every position.
    StringBuilder re = new StringBuilder();
    String[] parts = words.strip().split("\\s+");
    for (int i = 0; i < parts.length; i++) {
      re.append(i > 0 ? "\\s+" : "").append(Pattern.quote(parts[i]));
    }
    re.append(prefix ? "[\\p{L}\\p{N}\\p{Mn}]*" : INFLECTION + NOT_WORD_AFTER);
    return Pattern.compile(re.toString());
  }

  /** A marker found at {@code offset} (in the text searched) with the text as written there. */
  public record Hit(int offset, String marker, String found) {}

  public List<Hit> find(String text) {
    String az = AzText.foldAz(text);
    // The two foldings differ only where the text has an I (ı in Azerbaijani, i in English).
    String latin = text.indexOf('I') < 0 ? az : AzText.foldLatin(text);
    TreeMap<Integer, Hit> hits = new TreeMap<>();
    for (Marker m : markers) {
      search(m, m.az(), az, text, hits);
      Search latinSearch = m.latin() != null ? m.latin() : m.az();
      if (latinSearch != m.az() || latin != az) { // else the same search of the same text
        search(m, latinSearch, latin, text, hits);
      }
    }
    return List.copyOf(hits.values());
  }

  /**
   * The hits of {@code search} in {@code folded}, as {@code find()} of a pattern that starts with
   * the look-behind would give them, position by position, left to right: the pattern is tried
   * only where its first word is (String.indexOf) and no word character comes before it.
   */
  private static void search(Marker m, Search search, String folded, String text, TreeMap<Integer, Hit> hits) {
    Matcher matcher = search.pattern().matcher(folded);
    int n = folded.length();
    int from = 0;
    while (from <= n) {
      int start = folded.indexOf(search.first(), from);
      if (start < 0) {
        return;
      }
      if (AzText.wordCharBefore(folded, start) || !matcher.region(start, n).lookingAt()) {
        from = start + 1; // not a match here; the next position may be one
        continue;
      }
      int end = matcher.end();
      from = end > start ? end : start + 1;
      if (!excepted(folded, start)) {
        hits.putIfAbsent(start, new Hit(start, m.text(), text.substring(start, end)));
      }
    }
  }

  private static boolean excepted(String folded, int at) {
    for (Pattern p : EXCEPTIONS) {
      Matcher m = p.matcher(folded);
      if (m.region(at, folded.length()).lookingAt()) {
        return true;
      }
    }
    return false;
  }

  /** Errors for the markers in {@code file} (all of it: front matter values are published too). */
  List<Finding> check(ContentFile file, String text) {
    List<Hit> hits = find(text);
    if (hits.isEmpty()) {
      return List.of();
    }
    Lines lines = new Lines(text, 1);
    List<Finding> out = new ArrayList<>();
    for (Hit h : hits) {
      out.add(Finding.error(file.file(), lines.lineOf(h.offset()), Rules.CONFIDENTIAL,
          "confidential marker \"" + h.found().replaceAll("\\s+", " ") + "\" (" + h.marker()
              + "): rule 4.3 allows only open information to be published",
          "remove the confidential text, or set 'confidential: true' so that the item is never published;"
              + " if the word is quoted on purpose, allow that line in data/check.yaml with the reason"));
    }
    return out;
  }
}
