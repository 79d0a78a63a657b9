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

  private record Marker(String text, Pattern az, Pattern latin) {}

  private final List<Marker> markers = new ArrayList<>();

  public ConfidentialMarkers(List<String> markers) {
    for (String m : markers) {
      String t = m.strip();
      this.markers.add(new Marker(t, pattern(AzText.foldAz(t)), pattern(AzText.foldLatin(t))));
    }
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
    String latin = AzText.foldLatin(text);
    TreeMap<Integer, Hit> hits = new TreeMap<>();
    for (Marker m : markers) {
      for (Pattern p : List.of(m.az(), m.latin())) {
        String folded = p == m.az() ? az : latin;
        Matcher matcher = p.matcher(folded);
        int from = 0;
        while (from < folded.length() && matcher.find(from)) {
          int start = matcher.start();
          if (AzText.wordCharBefore(folded, start)) {
            from = start + 1; // inside a word: not a match here, the next position may be one
            continue;
          }
          from = matcher.end();
          if (excepted(folded, start)) {
            continue;
          }
          hits.putIfAbsent(start, new Hit(start, m.text(), text.substring(start, matcher.end())));
        }
      }
    }
    return List.copyOf(hits.values());
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
  List<Finding> check(ContentFile file) {
    String text = String.join("\n", file.lines());
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
