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
 */
public final class ConfidentialMarkers {
  private static final String NOT_WORD_BEFORE = "(?<![\\p{L}\\p{N}\\p{Mn}])";
  private static final String NOT_WORD_AFTER = "(?![\\p{L}\\p{N}\\p{Mn}])";

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
    StringBuilder re = new StringBuilder(NOT_WORD_BEFORE);
    String[] parts = words.strip().split("\\s+");
    for (int i = 0; i < parts.length; i++) {
      re.append(i > 0 ? "\\s+" : "").append(Pattern.quote(parts[i]));
    }
    re.append(prefix ? "[\\p{L}\\p{N}\\p{Mn}]*" : NOT_WORD_AFTER);
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
        Matcher matcher = p.matcher(p == m.az() ? az : latin);
        while (matcher.find()) {
          hits.putIfAbsent(matcher.start(), new Hit(matcher.start(), m.text(), text.substring(matcher.start(), matcher.end())));
        }
      }
    }
    return List.copyOf(hits.values());
  }

  /** Errors for the markers in {@code file} (all of it: front matter values are published too). */
  List<Finding> check(ContentFile file) {
    String text = String.join("\n", file.lines());
    Lines lines = new Lines(text, 1);
    List<Finding> out = new ArrayList<>();
    for (Hit h : find(text)) {
      out.add(Finding.error(file.file(), lines.lineOf(h.offset()), Rules.CONFIDENTIAL,
          "confidential marker \"" + h.found().replaceAll("\\s+", " ") + "\" (" + h.marker()
              + "): rule 4.3 allows only open information to be published",
          "remove the confidential text, or set 'confidential: true' so that the item is never published;"
              + " if the word is quoted on purpose, allow that line in data/check.yaml with the reason"));
    }
    return out;
  }
}
