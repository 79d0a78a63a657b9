package az.disclose.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The marker and personal-data searches test "no word character before" at a match instead of with
 * a look-behind at the head of their patterns (which the engine tried at every position of every
 * text). They must find exactly what the look-behind patterns found: these tests compare both on
 * texts made to put candidates everywhere (inside words, after a plus, after combining marks and
 * digits, at the start and the end, overlapping).
 */
class LookBehindEquivalenceTest {
  private static final String WORD_BEFORE = "(?<![\\p{L}\\p{N}\\p{Mn}])";
  private static final String WORD_AFTER = "(?![\\p{L}\\p{N}\\p{Mn}])";
  private static final int TEXTS = 3_000;

  /** Pieces the texts are made of: markers, parts of numbers and codes, word characters of every kind. */
  private static final String[] PIECES = {
      "məxfi", "MƏXFİ", "MƏXFI", "məxfilik siyasəti", "konfidensial", "konfidensiallığın", "dsp", "DSP", "DSPdir",
      "xidməti  istifadə\nüçün", "confidential", "for official use only", "gizli", "gizlilər", "FOR INTERNAL USE", "for internal\nuse", "İNTERNAL", "Internal",
      "AZE", "AA", "№", "12345678", "1234567", "+994", "994", "00", "(012)", "050", "0", "+", "-", ".", " ", "\n",
      "5ZJ8K2P", "94FMDDD", "ABCDEFG", "1", "2", "9", "x", "Ə", "ə", "ı", "İ", "\u0301", "²", "Ⅻ", "٣", "@",
      "ali@gmail.com", "sorgu@example.gov.az", "a", "Z", "_", "(", ")", "𝐀"};

  private static List<String> texts() {
    Random random = new Random(20261203);
    List<String> out = new ArrayList<>();
    for (int t = 0; t < TEXTS; t++) {
      StringBuilder sb = new StringBuilder();
      int n = 1 + random.nextInt(14);
      for (int i = 0; i < n; i++) {
        sb.append(PIECES[random.nextInt(PIECES.length)]);
      }
      out.add(sb.toString());
    }
    return out;
  }

  @Test
  void markersAreFoundWhereTheLookBehindPatternsFoundThem() {
    List<String> markers = List.of("məxfi", "konfidensial", "xidməti istifadə üçün", "DSP", "confidential",
        "for official use only", "gizli*", "FOR INTERNAL USE");
    ConfidentialMarkers now = new ConfidentialMarkers(markers);
    int found = 0;
    for (String text : texts()) {
      List<ConfidentialMarkers.Hit> expected = markersBefore(markers, text);
      assertThat(now.find(text)).as("markers in %s", text).isEqualTo(expected);
      found += expected.size();
    }
    assertThat(found).as("hits in the texts, so that the comparison compares something").isGreaterThan(TEXTS / 5);
  }

  @Test
  void personalDataIsFoundWhereTheLookBehindPatternsFoundIt() {
    PersonalData now = new PersonalData(List.of("sorgu@example.gov.az"));
    int found = 0;
    for (String text : texts()) {
      List<String> expected = personalBefore(text);
      assertThat(now.find(text).stream().map(h -> h.offset() + "-" + h.end() + " " + h.kind() + " " + h.masked()).toList())
          .as("personal data in %s", text).isEqualTo(expected);
      found += expected.size();
    }
    assertThat(found).as("hits in the texts, so that the comparison compares something").isGreaterThan(TEXTS / 5);
  }

  // ---- the searches as they were, with the look-behind at the head of each pattern

  private static List<ConfidentialMarkers.Hit> markersBefore(List<String> markers, String text) {
    String az = AzText.foldAz(text);
    String latin = AzText.foldLatin(text);
    TreeMap<Integer, ConfidentialMarkers.Hit> hits = new TreeMap<>();
    for (String m : markers) {
      String t = m.strip();
      for (boolean english : List.of(false, true)) {
        String folded = english ? latin : az;
        Pattern p = markerPattern(english ? AzText.foldLatin(t) : AzText.foldAz(t));
        Matcher matcher = p.matcher(folded);
        while (matcher.find()) {
          if (ConfidentialMarkers.EXCEPTIONS.get(0).matcher(folded).region(matcher.start(), folded.length()).lookingAt()) {
            continue;
          }
          hits.putIfAbsent(matcher.start(), new ConfidentialMarkers.Hit(matcher.start(), t, text.substring(matcher.start(), matcher.end())));
        }
      }
    }
    return List.copyOf(hits.values());
  }

  private static Pattern markerPattern(String folded) {
    boolean prefix = folded.endsWith("*");
    String words = prefix ? folded.substring(0, folded.length() - 1) : folded;
    StringBuilder re = new StringBuilder(WORD_BEFORE);
    String[] parts = words.strip().split("\\s+");
    for (int i = 0; i < parts.length; i++) {
      re.append(i > 0 ? "\\s+" : "").append(Pattern.quote(parts[i]));
    }
    re.append(prefix ? "[\\p{L}\\p{N}\\p{Mn}]*" : ConfidentialMarkers.INFLECTION + WORD_AFTER);
    return Pattern.compile(re.toString());
  }

  private static List<String> personalBefore(String text) {
    String sep = "[ .\\-]?";
    List<Pattern> patterns = List.of(
        PersonalData.EMAIL,
        Pattern.compile(WORD_BEFORE + "(?:AZE ?№? ?\\d{8}|AA ?№? ?\\d{7})" + "(?!\\d)"),
        Pattern.compile("(?<![\\p{L}\\p{N}+])(?:(?:\\+|00) ?994" + sep + "\\(?\\d{2}\\)?|\\(?0(?:50|51|55|70|77|99|10|12)\\)?)"
            + sep + "\\d{3}" + sep + "\\d{2}" + sep + "\\d{2}(?!\\d)"),
        Pattern.compile(WORD_BEFORE + "(?=[0-9A-Z]*[0-9])(?=[0-9A-Z]*[A-Z])[0-9A-HJ-NP-Z]{7}" + WORD_AFTER));
    PersonalData.Kind[] kinds = PersonalData.Kind.values();
    List<int[]> taken = new ArrayList<>();
    TreeMap<Integer, String> hits = new TreeMap<>();
    for (int k = 0; k < kinds.length; k++) {
      Matcher m = patterns.get(k).matcher(text);
      while (m.find()) {
        int s = m.start();
        int e = m.end();
        if (taken.stream().anyMatch(r -> s < r[1] && e > r[0])) {
          continue;
        }
        taken.add(new int[] {s, e});
        if (kinds[k] == PersonalData.Kind.EMAIL_ADDRESS && m.group().toLowerCase(Locale.ROOT).equals("sorgu@example.gov.az")) {
          continue;
        }
        hits.put(s, s + "-" + e + " " + kinds[k] + " " + PersonalData.mask(kinds[k], m.group()));
      }
    }
    return List.copyOf(hits.values());
  }
}
