package az.disclose.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;

/**
 * Generates {@code words-az-corpus.txt.gz}, the large part of the shipped word list, from the word
 * list of Tesseract's Azerbaijani model (tessdata_fast {@code aze.traineddata}, Apache-2.0, Debian
 * package {@code tesseract-ocr-aze}; see {@code words-az-corpus.LICENSE.txt}). That list is
 * web-derived: about 310,000 entries in mixed case, with names, foreign words and misspellings. The
 * filter keeps a word when
 *
 * <ol>
 *   <li>it is made of Azerbaijani letters only (no w, no digits, no Cyrillic) and has two or more;
 *   <li>the list has it with a lower-case first letter at least once (words only ever capitalised
 *       are mostly names, foreign words and "ıstintaq"-like OCR errors: they become names, below);
 *   <li>it is not the same word with some of ə ı ş ç ğ ö ü typed as e i s c g o u ("vetendas" next
 *       to "vətəndaş": text typed without an Azerbaijani keyboard), when the word is at least
 *       {@link #MIN_PLAIN_VARIANT} letters long (el/əl, bas/baş are both words), the project's own
 *       list ({@code words-az.txt}, with endings) does not know it (səhər/şəhər) and it does not
 *       start more entries than the other ("deyil" stays although the web also has "dəyil");
 *   <li>it is not one edit away from a word whose beginning is far more common: when the first
 *       {@code i+1} letters up to the edit start at most {@link #RARE_PREFIX} entries and the other
 *       word's first {@code i+1} letters start {@link #PREFIX_RATIO} times as many
 *       ("azsrbaycanlı" next to "azərbaycanlı"; not in the last {@link #NEAR_MISS_TAIL} letters,
 *       where endings differ);
 *   <li>when shorter than {@link #MIN_STEM} letters, it has a vowel and is not a fragment: fewer
 *       than {@link #SHORT_FAMILY} entries start with it, it is not a common short word with an
 *       ending (ev+ə), and a letter added makes a word that starts {@link #FRAGMENT_OF_FAMILY} or
 *       more entries ("yni" ← "yeni", "avab" ← "cavab"; real short words come inflected: "dərs"
 *       starts 69 entries).
 * </ol>
 *
 * Words of Azerbaijani letters that the list has only capitalised, and that are not a plain-letter
 * variant of another entry, are kept as names (written with a capital): {@link
 * WordList#knowsCapitalised} knows them, with endings, only at the start of a sentence.
 *
 * <p>Words of four letters or fewer are stems (endings are taken off to reach them) only when {@link
 * #isStem} says so; the others are written with a leading {@link WordList#WHOLE_ONLY} and known only
 * as they are. Words that a kept shorter word with up to {@link #COMPACT_ENDINGS} of {@link
 * WordList}'s endings already makes known are left out (the list then holds stems and stepping-stone
 * forms, not every inflection): that changes no answer of {@link WordList#knows} for the corpus's
 * words and keeps the resource small.
 *
 * <pre>
 * java -cp target/classes:$(cat cp.txt) az.disclose.publish.CorpusWords WORDS.txt OUTPUT.txt.gz
 * </pre>
 */
public final class CorpusWords {
  /** The Azerbaijani alphabet in lower case. */
  static final String LETTERS = "abcçdeəfgğhxıijkqlmnoöprsştuüvyz";
  private static final String SPECIAL = "əışçğöü";
  private static final String PLAIN = "eiscgou";
  /** Shorter plain variants are kept: el/əl, is/iş, bas/baş. */
  static final int MIN_PLAIN_VARIANT = 4;
  /** A beginning that starts at most this many entries is rare. */
  static final int RARE_PREFIX = 3;
  /** How many times more entries the other word's beginning must start to make a rare one a misspelling. */
  static final int PREFIX_RATIO = 30;
  /**
   * Edits in a word's last letters are not looked at: they are mostly endings (məzara, məzarı), and
   * an edit at the end always compares a rare word with its own stem.
   */
  static final int NEAR_MISS_TAIL = 2;
  /** A short word that starts at least this many entries (itself included) is never a fragment. */
  static final int SHORT_FAMILY = 3;
  /** A short word with a small family is a fragment when a letter added makes a word that starts this many entries. */
  static final int FRAGMENT_OF_FAMILY = 10;
  /** Words shorter than this are never dropped as one edit from another. */
  static final int MIN_NEAR_MISS = 5;

  /**
   * A word is left out when a kept shorter word with at most this many endings makes it: the kept
   * forms are stepping stones, so a form the corpus lacks is still reached within {@link
   * WordList#MAX_ENDINGS} ("genişləndirilməsinə" ← genişləndir+il+mə+si+nə, although geniş would
   * need seven).
   */
  static final int COMPACT_ENDINGS = 2;

  /** Shorter names are not kept. */
  static final int MIN_NAME = 3;
  /** How many differently inflected forms make a four-letter corpus word a stem. */
  static final int STEM_FORMS = 3;
  /** Words shorter than this are checked for being fragments of longer ones. */
  static final int MIN_STEM = 5;

  private CorpusWords() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: CorpusWords TESSERACT_WORDLIST OUTPUT.txt.gz  (the word list from dawg2wordlist)");
      System.exit(2);
    }
    List<String> raw = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    Result r = filter(raw, WordList.of(new HashSet<>(WordList.readShipped())));
    Set<String> compact = withoutDerivable(r.kept());
    Set<String> names = withoutDerivable(r.names());
    try (OutputStream out = Files.newOutputStream(Path.of(args[1]));
        Writer w = new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8)) {
      w.write("# Generated by az.disclose.publish.CorpusWords from the word list of Tesseract's aze.traineddata\n");
      w.write("# (tessdata_fast, Apache-2.0; see words-az-corpus.LICENSE.txt). Do not edit: regenerate (docs/publishing.md).\n");
      for (String s : compact) {
        if (!isStem(s, r.kept())) {
          w.write(WordList.WHOLE_ONLY);
        }
        w.write(s);
        w.write('\n');
      }
      for (String s : names) {
        if (!isStem(s, r.names())) {
          w.write(WordList.WHOLE_ONLY);
        }
        w.write(capitalise(s));
        w.write('\n');
      }
    }
    System.out.printf("%d entries read; %d not Azerbaijani letters, %d only capitalised, %d plain-letter variants, %d near misses,"
        + " %d short fragments dropped; %d kept and %d names, %d written to %s (the rest follow from them with WordList's endings)%n",
        raw.size(), r.notLetters(), r.onlyCapitalised(), r.plainVariants().size(), r.nearMisses().size(), r.shortAlone().size(),
        r.kept().size(), r.names().size(), compact.size() + names.size(), args[1]);
  }

  /** The kept words and what each step dropped. */
  record Result(TreeSet<String> kept, int notLetters, int onlyCapitalised, Set<String> plainVariants, Set<String> nearMisses,
      Set<String> shortAlone, TreeSet<String> names) {}

  static Result filter(List<String> raw, WordList trusted) {
    Set<String> lowerSeen = new HashSet<>();
    Set<String> all = new HashSet<>();
    int notLetters = 0;
    for (String line : raw) {
      String r = line.strip();
      String w = AzText.foldAz(r);
      if (w.length() < 2 || !w.chars().allMatch(c -> LETTERS.indexOf(c) >= 0)) {
        notLetters++;
        continue;
      }
      all.add(w);
      if (r.equals(w)) {
        lowerSeen.add(w);
      }
    }
    Set<String> words = new HashSet<>(lowerSeen);
    int onlyCapitalised = all.size() - words.size();

    // 3. plain-letter variants
    Map<String, List<String>> byPlain = new HashMap<>();
    for (String w : words) {
      byPlain.computeIfAbsent(plain(w), k -> new ArrayList<>()).add(w);
    }
    String[] all0 = words.toArray(new String[0]);
    Arrays.sort(all0);
    Set<String> plainVariants = new HashSet<>();
    for (List<String> group : byPlain.values()) {
      for (String w : group) {
        if (w.length() >= MIN_PLAIN_VARIANT && !trusted.knows(w) && group.stream().anyMatch(o -> isPlainVariant(w, o)
            && prefixCount(all0, o) >= prefixCount(all0, w))) {
          plainVariants.add(w);
        }
      }
    }
    words.removeAll(plainVariants);

    // 4. near misses of a far more common beginning
    String[] sorted = words.toArray(new String[0]);
    Arrays.sort(sorted);
    Set<String> nearMisses = new HashSet<>();
    for (String w : sorted) {
      if (w.length() >= MIN_NEAR_MISS && isNearMiss(w, words, sorted)) {
        nearMisses.add(w);
      }
    }
    words.removeAll(nearMisses);

    // 5. short fragments of longer words ("yni", "drs", "etmk")
    Set<String> shortAlone = new HashSet<>();
    for (String w : words) {
      if (w.length() < MIN_STEM && isFragment(w, words, sorted)) {
        shortAlone.add(w);
      }
    }
    words.removeAll(shortAlone);

    // names: words only ever capitalised, known only when capitalised; not a plain-letter variant of any word or name
    Set<String> capitalised = new HashSet<>(all);
    capitalised.removeAll(lowerSeen);
    Map<String, List<String>> plainAll = new HashMap<>();
    for (String w : all) {
      plainAll.computeIfAbsent(plain(w), k -> new ArrayList<>()).add(w);
    }
    TreeSet<String> names = new TreeSet<>();
    for (String w : capitalised) {
      if (w.length() >= MIN_NAME && plainAll.get(plain(w)).stream().noneMatch(o -> isPlainVariant(w, o))) {
        names.add(w);
      }
    }
    return new Result(new TreeSet<>(words), notLetters, onlyCapitalised, plainVariants, nearMisses, shortAlone, names);
  }

  /** {@code w} with an upper-case first letter by the Azerbaijani rules (i→İ, ı→I). */
  static String capitalise(String w) {
    char c = w.charAt(0);
    char up = c == 'i' ? 'İ' : c == 'ı' ? 'I' : Character.toUpperCase(c);
    return up + w.substring(1);
  }

  static String plain(String w) {
    StringBuilder sb = new StringBuilder(w.length());
    for (char c : w.toCharArray()) {
      int i = SPECIAL.indexOf(c);
      sb.append(i >= 0 ? PLAIN.charAt(i) : c);
    }
    return sb.toString();
  }

  /**
   * Whether the short word {@code w} has no vowel, or few entries start with it while it is a
   * longer word with one letter dropped whose family is large ("yni" ← "yeni", "avab" ← "cavab")
   * and not a short word with an ending ("evə" ← ev+ə).
   */
  static boolean isFragment(String w, Set<String> words, String[] sorted) {
    if (w.chars().noneMatch(c -> "aıoueəiöü".indexOf(c) >= 0)) {
      return true;
    }
    if (prefixCount(sorted, w) >= SHORT_FAMILY) {
      return false;
    }
    for (int i = 2; i < w.length(); i++) { // an inflected short word: ev+ə, su+ya
      String stem = w.substring(0, i);
      if (WordList.isEnding(w.substring(i)) && words.contains(stem) && prefixCount(sorted, stem) >= FRAGMENT_OF_FAMILY) {
        return false;
      }
    }
    for (int i = 0; i <= w.length(); i++) {
      for (char c : LETTERS.toCharArray()) {
        String o = w.substring(0, i) + c + w.substring(i);
        if (words.contains(o) && prefixCount(sorted, o) >= FRAGMENT_OF_FAMILY) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether {@code w} is {@code other} with one or more of its ə ı ş ç ğ ö ü typed plain. */
  static boolean isPlainVariant(String w, String other) {
    if (w.equals(other) || w.length() != other.length()) {
      return false;
    }
    for (int i = 0; i < w.length(); i++) {
      char a = w.charAt(i);
      char b = other.charAt(i);
      if (a != b) {
        int s = SPECIAL.indexOf(b);
        if (s < 0 || PLAIN.charAt(s) != a) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isNearMiss(String w, Set<String> words, String[] sorted) {
    for (int i = 0; i < w.length() - NEAR_MISS_TAIL; i++) {
      int own = prefixCount(sorted, w.substring(0, i + 1));
      if (own > RARE_PREFIX) {
        continue;
      }
      // change, delete, swap, insert at i: the beginning up to i is what differs first
      List<String> others = new ArrayList<>();
      for (char c : LETTERS.toCharArray()) {
        if (c != w.charAt(i)) {
          others.add(w.substring(0, i) + c + w.substring(i + 1));
        }
        others.add(w.substring(0, i) + c + w.substring(i));
      }
      others.add(w.substring(0, i) + w.substring(i + 1));
      if (i + 1 < w.length() && w.charAt(i) != w.charAt(i + 1)) {
        others.add(w.substring(0, i) + w.charAt(i + 1) + w.charAt(i) + w.substring(i + 2));
      }
      for (String o : others) {
        if (o.length() <= i + 1 || !words.contains(o)) {
          continue;
        }
        int theirs = prefixCount(sorted, o.substring(0, i + 1));
        if (theirs >= (long) PREFIX_RATIO * own) {
          return true;
        }
      }
    }
    return false;
  }

  /** How many of the sorted words start with {@code p}. */
  static int prefixCount(String[] sorted, String p) {
    int from = Arrays.binarySearch(sorted, p);
    if (from < 0) {
      from = -from - 1;
    }
    int to = Arrays.binarySearch(sorted, p + Character.MAX_VALUE);
    if (to < 0) {
      to = -to - 1;
    }
    return to - from;
  }

  /**
   * Whether a corpus word may have endings taken off to reach it: five letters or more, or four
   * letters and found with {@link #STEM_FORMS} different single endings in the corpus ("imza":
   * imzanı, imzada, imzalar...). Shorter words and other four-letter ones are known only as they are:
   * the web-derived corpus has fragments ("kec", "müav") that, with endings, would make typos known
   * ("kecirilib").
   */
  static boolean isStem(String w, Set<String> words) {
    if (w.length() >= 5) {
      return true;
    }
    if (w.length() < 4) {
      return false;
    }
    int forms = 0;
    for (String e : WordList.endings()) {
      if (words.contains(w + e) && ++forms >= STEM_FORMS) {
        return true;
      }
    }
    return false;
  }

  /** {@code words} without those that shorter kept words and {@link WordList}'s endings make known. */
  static Set<String> withoutDerivable(Set<String> words) {
    List<String> byLength = new ArrayList<>(words);
    byLength.sort(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
    Set<String> stems = new HashSet<>();
    Set<String> whole = new HashSet<>();
    WordList live = WordList.over(stems, whole);
    for (String w : byLength) {
      if (!live.knows(w, COMPACT_ENDINGS)) {
        (isStem(w, words) ? stems : whole).add(w);
      }
    }
    TreeSet<String> out = new TreeSet<>(stems);
    out.addAll(whole);
    return out;
  }
}
