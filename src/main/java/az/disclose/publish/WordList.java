package az.disclose.publish;

import az.disclose.yaml.Problem;
import az.disclose.yaml.ProblemsException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The project's Azerbaijani word list: the shipped {@code words-az.txt} (generated from the 2012
 * order, the shipped content and a core vocabulary; see {@link WordListBuilder}) plus the press
 * secretary's additions in {@code content/data/words.txt}. One word a line, compared in lower case
 * with the Azerbaijani rules (İ→i, I→ı).
 *
 * <p>Azerbaijani is agglutinative: "nazirlik", "nazirliyin", "nazirlikdə", "nazirliklərin" are one
 * word. A word that is not in the list is also accepted when removing common suffixes (case,
 * plural, possessive, copula; with the k→y and q→ğ alternations) leaves a word that is. A misspelt
 * stem is still unknown.
 */
public final class WordList {
  public static final String RESOURCE = "/az/disclose/publish/words-az.txt";
  public static final String CONTENT_FILE = "data/words.txt";

  /**
   * The endings a stem takes, in every vowel-harmony variant: case, plural, possessive, copula and
   * person endings of nouns; the derivations that make nouns, adjectives and verbs (-lıq, -çı, -lı,
   * -sız, -laş, -la); and the verb's voice (passive -ıl/-ın, causative -dır/-t/-ır), tense, mood,
   * participle, verbal-noun and converb endings. A word is known when it is a known stem followed
   * by up to {@link #MAX_ENDINGS} of them: this recognises the forms that an inflection generator
   * would make of every listed stem ("keçirilib" ← keçir + il + ib, "yaxşılaşdırılması" ← yaxşı +
   * laş + dır + ıl + ma + sı) without storing them.
   */
  private static final List<String> SUFFIXES = variants(
      // noun: plural, possessive, case, copula
      "lAr", "Im", "ImIz", "In", "InIz", "sI", "I", "nIn", "In", "yA", "A", "nA", "dA", "ndA", "dAn", "ndAn",
      "tA", "tAn", "yI", "nI", "lA", "ylA", "dIr", "dIrlAr", "dAkI", "kI", "dAk", "cA", "cAsInA",
      // derivation
      "lIq", "lIğ", "lIy", "lIk", "çI", "lI", "sIz", "lAş", "lA", "cIl", "dAş", "IcI", "Iş", "Im", "gI", "Ağan", "ğI",
      // verb: voice
      "Il", "In", "n", "dIr", "t", "Ir", "Ar", "Iş", "ş",
      // verb: tense, mood, person
      "Ib", "dI", "mIş", "Ar", "Ir", "AcAq", "AcAğ", "yAcAq", "yAcAğ", "mAlI", "sA", "sIn", "sInlAr", "Aq",
      "yIr", "Ir", "yAr", "m", "q", "k", "nIz", "z",
      // participles, verbal nouns, converbs
      "An", "yAn", "dIq", "dIğ", "mA", "mAq", "mAğ", "mAy", "mAk", "yIş", "Araq", "yAraq", "mAdAn", "dIqdA",
      "dIqdAn", "dIqcA", "IncA", "yIncA", "AndA", "AndAn", "mAz", "mAyAn", "AsI", "yAsI");

  /** The most endings stripped from one word. */
  static final int MAX_ENDINGS = 6;

  /** Every pattern with A = a|ə and I = ı|i|u|ü, longest first. */
  private static List<String> variants(String... patterns) {
    java.util.Set<String> out = new java.util.TreeSet<>(java.util.Comparator.comparingInt(String::length).reversed()
        .thenComparing(java.util.Comparator.naturalOrder()));
    for (String p : patterns) {
      List<String> forms = List.of("");
      for (char c : p.toCharArray()) {
        String choices = c == 'A' ? "aə" : c == 'I' ? "ıiuü" : String.valueOf(c);
        List<String> next = new ArrayList<>();
        for (String f : forms) {
          for (char ch : choices.toCharArray()) {
            next.add(f + ch);
          }
        }
        forms = next;
      }
      out.addAll(forms);
    }
    return List.copyOf(out);
  }

  private final Set<String> words;

  private WordList(Set<String> words) {
    this.words = words;
  }

  public static WordList of(Set<String> words) {
    Set<String> s = new HashSet<>();
    words.forEach(w -> s.add(AzText.foldAz(w.strip())));
    return new WordList(s);
  }

  /** The shipped list only. */
  public static WordList shipped() {
    return new WordList(new HashSet<>(readShipped()));
  }

  /** The shipped list and {@code <contentDir>/data/words.txt} when it exists. */
  public static WordList load(Path contentDir) throws ProblemsException {
    Set<String> all = new HashSet<>(readShipped());
    Path file = contentDir.resolve(CONTENT_FILE);
    if (Files.exists(file)) {
      List<Problem> problems = new ArrayList<>();
      List<String> lines;
      try {
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new ProblemsException(List.of(new Problem(file, 0, "cannot read (save it as UTF-8 text): " + e.getMessage())));
      }
      for (int i = 0; i < lines.size(); i++) {
        String l = lines.get(i).strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        if (l.chars().anyMatch(Character::isWhitespace)) {
          problems.add(new Problem(file, i + 1, "one word a line, not '" + l + "'"));
        } else {
          all.add(AzText.foldAz(l));
        }
      }
      if (!problems.isEmpty()) {
        throw new ProblemsException(problems);
      }
    }
    return new WordList(all);
  }

  static List<String> readShipped() {
    try (InputStream in = WordList.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      List<String> out = new ArrayList<>();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String l;
        while ((l = r.readLine()) != null) {
          if (!l.isBlank() && !l.startsWith("#")) {
            out.add(l.strip());
          }
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int size() {
    return words.size();
  }

  /** Whether {@code word} (any case) is known, as it is or as a known word with suffixes. */
  public boolean knows(String word) {
    return knownStem(AzText.foldAz(word), MAX_ENDINGS);
  }

  private boolean knownStem(String w, int depth) {
    if (words.contains(w)) {
      return true;
    }
    if (depth == 0) {
      return false;
    }
    for (String s : SUFFIXES) {
      if (w.length() - s.length() >= 2 && w.endsWith(s)) {
        String stem = w.substring(0, w.length() - s.length());
        if (!hasVowel(s) && !isVowel(stem.charAt(stem.length() - 1))) {
          continue; // a lone consonant ending follows a vowel: oxu-n, işlə-t; "vətəndaşlar-n" is a typo
        }
        if (knownStem(stem, depth - 1) || alternation(stem, depth - 1)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isVowel(char c) {
    return "aıoueəiöü".indexOf(c) >= 0;
  }

  private static boolean hasVowel(String s) {
    return s.chars().anyMatch(c -> isVowel((char) c));
  }

  /** nazirliy(i) ← nazirlik, sağlığ(ı) ← sağlıq. */
  private boolean alternation(String stem, int depth) {
    char last = stem.charAt(stem.length() - 1);
    String base = stem.substring(0, stem.length() - 1);
    if (last == 'y') {
      return knownStem(base + 'k', depth);
    }
    if (last == 'ğ') {
      return knownStem(base + 'q', depth);
    }
    if (last == 'd') { // ged-ir ← get
      return knownStem(base + 't', depth);
    }
    return false;
  }

  /** The most edits (insert, delete, change, swap of neighbours) between a typo and the word it suggests. */
  public static final int MAX_TYPO_EDITS = 2;

  /**
   * A listed word that {@code word} is probably a typo of: the nearest within {@link
   * #MAX_TYPO_EDITS} edits (the first in alphabetical order among equals), or empty.
   */
  public java.util.Optional<String> suggestion(String word) {
    String w = AzText.foldAz(word);
    String best = null;
    int bestDistance = MAX_TYPO_EDITS + 1;
    for (String known : words) {
      if (Math.abs(known.length() - w.length()) > MAX_TYPO_EDITS || known.length() < 3) {
        continue;
      }
      int d = distance(w, known, bestDistance + 1);
      if (d < bestDistance || d == bestDistance && best != null && known.compareTo(best) < 0) {
        best = known;
        bestDistance = d;
      }
    }
    return bestDistance <= MAX_TYPO_EDITS ? java.util.Optional.ofNullable(best) : java.util.Optional.empty();
  }

  /** Optimal-string-alignment distance of {@code a} and {@code b}, or {@code limit} when it is at least that. */
  static int distance(String a, String b, int limit) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int rowMin = Integer.MAX_VALUE;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin >= limit) {
        return limit;
      }
    }
    return Math.min(d[a.length()][b.length()], limit);
  }
}
