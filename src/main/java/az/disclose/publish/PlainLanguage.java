package az.disclose.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Rule 4 of the FOI rules asks for plain, concise ("sadə və anlaşılan", "yığcam və konkret"),
 * correctly spelled (4.2) text. Warnings: sentences over {@code maxSentenceWords} words, paragraphs
 * over {@code maxParagraphSentences} sentences, and words the project's {@link WordList} does not
 * know. The text is taken from the Markdown syntax tree: code, link targets, URLs and HTML are not
 * words.
 */
public final class PlainLanguage {
  private static final Parser PARSER = Parser.builder()
      .extensions(List.of(TablesExtension.create(), AutolinkExtension.create()))
      .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
      .build();
  /** A word: letters and digits, with inner hyphens or apostrophes ("sual-cavab", "2012-ci"). */
  static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}\\p{Mn}]+(?:[-'’][\\p{L}\\p{N}\\p{Mn}]+)*");
  private static final Pattern URLISH = Pattern.compile("(?i)(?:[a-z][a-z0-9+.-]*:|www\\.)\\S*|\\S+@\\S+");

  /** Text of one block with the file line of every character. */
  record Block(String text, int[] lineOf, boolean paragraph) {}

  private final int maxSentenceWords;
  private final int maxParagraphSentences;
  private final WordList words;

  public PlainLanguage(int maxSentenceWords, int maxParagraphSentences, WordList words) {
    this.maxSentenceWords = maxSentenceWords;
    this.maxParagraphSentences = maxParagraphSentences;
    this.words = words;
  }

  /** The text blocks of a Markdown body whose first line is file line {@code firstLine}. */
  static List<Block> blocks(String markdown, int firstLine) {
    List<Block> out = new ArrayList<>();
    PARSER.parse(markdown).accept(new AbstractVisitor() {
      @Override
      public void visit(Paragraph p) {
        out.add(block(p, firstLine, true));
      }

      @Override
      public void visit(Heading h) {
        out.add(block(h, firstLine, false));
      }

      @Override
      public void visit(CustomNode n) {
        if (n instanceof TableCell) {
          out.add(block(n, firstLine, false));
        } else {
          visitChildren(n);
        }
      }
    });
    return out;
  }

  /** A one-line block for a front-matter value (a title, a summary). */
  static Block valueBlock(String text, int line) {
    int[] lines = new int[text.length()];
    java.util.Arrays.fill(lines, line);
    return new Block(text, lines, false);
  }

  private static Block block(Node block, int firstLine, boolean paragraph) {
    StringBuilder sb = new StringBuilder();
    List<Integer> lines = new ArrayList<>();
    int[] current = {firstLine + lineIndex(block)};
    appendInlines(block, sb, lines, current, firstLine);
    int[] lineOf = lines.stream().mapToInt(Integer::intValue).toArray();
    return new Block(sb.toString(), lineOf, paragraph);
  }

  private static int lineIndex(Node n) {
    List<SourceSpan> spans = n.getSourceSpans();
    return spans.isEmpty() ? 0 : spans.get(0).getLineIndex();
  }

  private static void appendInlines(Node parent, StringBuilder sb, List<Integer> lines, int[] current, int firstLine) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      if (!n.getSourceSpans().isEmpty()) {
        current[0] = firstLine + lineIndex(n);
      }
      if (n instanceof Text t) {
        append(sb, lines, URLISH.matcher(t.getLiteral()).replaceAll(" "), current[0]);
      } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
        append(sb, lines, " ", current[0]);
      } else if (n instanceof Code) {
        append(sb, lines, " ", current[0]);
      } else if (n instanceof HtmlInline || n instanceof Image) {
        append(sb, lines, " ", current[0]);
      } else if (n instanceof Link link && isAutolink(link)) {
        append(sb, lines, " ", current[0]);
      } else {
        appendInlines(n, sb, lines, current, firstLine);
      }
    }
  }

  private static boolean isAutolink(Link link) {
    return link.getFirstChild() instanceof Text t && t.getNext() == null
        && (t.getLiteral().equals(link.getDestination()) || link.getDestination().equals("mailto:" + t.getLiteral()));
  }

  private static void append(StringBuilder sb, List<Integer> lines, String s, int line) {
    sb.append(s);
    for (int i = 0; i < s.length(); i++) {
      lines.add(line);
    }
  }

  /** A sentence: its start offset in the block and its words. */
  record Sentence(int start, List<String> words) {}

  /**
   * Splits at '.', '!', '?', '…' followed by white space or the end — except after an initial
   * ("A. Məsimli"), a numbering ("4.3. İctimaiyyətə") or "s." in "və s.".
   */
  static List<Sentence> sentences(String text) {
    List<Sentence> out = new ArrayList<>();
    int start = 0;
    List<String> current = new ArrayList<>();
    int sentenceStart = -1;
    Matcher m = WORD.matcher(text);
    int pos = 0;
    while (m.find(pos)) {
      if (sentenceStart < 0) {
        sentenceStart = m.start();
      }
      current.add(m.group());
      pos = m.end();
      int after = pos;
      while (after < text.length() && "\"”’»)]*_".indexOf(text.charAt(after)) >= 0) {
        after++;
      }
      if (after < text.length() && ".!?…".indexOf(text.charAt(after)) >= 0) {
        int end = after;
        while (end < text.length() && ".!?…\"”’»)".indexOf(text.charAt(end)) >= 0) {
          end++;
        }
        boolean atBreak = end >= text.length() || Character.isWhitespace(text.charAt(end));
        String w = m.group();
        boolean abbreviation = text.charAt(after) == '.' && (w.length() == 1 || w.chars().allMatch(c -> Character.isDigit(c) || c == '.'));
        if (atBreak && !abbreviation) {
          out.add(new Sentence(sentenceStart, List.copyOf(current)));
          current.clear();
          sentenceStart = -1;
        }
        pos = Math.max(pos, end);
      }
    }
    if (!current.isEmpty()) {
      out.add(new Sentence(sentenceStart, List.copyOf(current)));
    }
    return out;
  }

  List<Finding> check(ContentFile file, boolean verbatim) {
    List<Block> blocks = new ArrayList<>();
    file.text("title").ifPresent(t -> blocks.add(valueBlock(t, file.lineOf("title"))));
    file.text("summary").ifPresent(t -> blocks.add(valueBlock(t, file.lineOf("summary"))));
    blocks.addAll(blocks(file.body(), file.bodyLine()));
    List<Finding> out = new ArrayList<>();
    Map<String, int[]> unknown = new LinkedHashMap<>();
    for (Block b : blocks) {
      List<Sentence> sentences = sentences(b.text());
      if (!verbatim) {
        for (Sentence s : sentences) {
          if (s.words().size() > maxSentenceWords) {
            out.add(Finding.warning(file.file(), b.lineOf()[s.start()], Rules.SENTENCE_LENGTH,
                "a sentence of " + s.words().size() + " words (\"" + preview(s) + "\"); plain text keeps them under " + (maxSentenceWords + 1),
                "split it into shorter sentences (rule 4: simple, clear, concise)"));
          }
        }
        if (b.paragraph() && sentences.size() > maxParagraphSentences) {
          out.add(Finding.warning(file.file(), b.lineOf()[sentences.get(0).start()], Rules.PARAGRAPH_LENGTH,
              "a paragraph of " + sentences.size() + " sentences; plain text keeps them to " + maxParagraphSentences,
              "split it into shorter paragraphs"));
        }
      }
      Matcher m = WORD.matcher(b.text());
      while (m.find()) {
        if (m.start() > 0 && "”’»\"'".indexOf(b.text().charAt(m.start() - 1)) >= 0) {
          continue; // a suffix after a closing quote: “...qanun”a
        }
        if (Character.isUpperCase(m.group().charAt(0)) && !sentenceStart(b.text(), m.start())) {
          continue; // a capitalised word inside a sentence: a name (Gəncə, Sumqayıt, Cavadov), not in any word list
        }
        if (m.group().chars().anyMatch(Character::isDigit)) {
          continue; // "2012-ci", "25-dir": a number and its ending
        }
        for (String part : m.group().split("[-'’]")) {
          if (isCheckable(part) && !(Character.isUpperCase(part.charAt(0)) ? words.knowsCapitalised(part) : words.knows(part))) {
            int line = b.lineOf()[m.start()];
            unknown.computeIfAbsent(AzText.foldAz(part), k -> new int[] {line, 0})[1]++;
          }
        }
      }
    }
    for (Map.Entry<String, int[]> e : unknown.entrySet()) {
      int n = e.getValue()[1];
      java.util.Optional<WordList.Suggestion> near = words.suggestion(e.getKey());
      out.add(Finding.warning(file.file(), e.getValue()[0], Rules.UNKNOWN_WORD,
          (near.isPresent() && near.get().likely() ? LIKELY_TYPO : "") + "'" + e.getKey() + "' is not in the word list"
              + near.map(k -> DID_YOU_MEAN + k.word() + "'?").orElse("") + (n > 1 ? " (" + n + " times in this file)" : ""),
          "check its spelling (rule 4.2); if it is right, add it to data/words.txt"));
    }
    return out;
  }

  /**
   * How an unknown-word warning that is one edit from a word of the common vocabulary begins ({@link
   * WordList.Suggestion#likely}): such warnings are listed first among the unknown words of their
   * file, then those with another suggestion, then the rest ({@link ContentCheck}).
   */
  static final String LIKELY_TYPO = "likely typo: ";
  /** Follows the word of an unknown-word warning with a suggestion (ranked after the likely typos). */
  static final String DID_YOU_MEAN = "; did you mean '";

  /** Whether the word at {@code at} starts a sentence: nothing but quotes or brackets since the last full stop. */
  static boolean sentenceStart(String text, int at) {
    for (int i = at - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || "\"“”«»‘’'([*_#>-–—".indexOf(c) >= 0) {
        continue;
      }
      return ".!?…:".indexOf(c) >= 0;
    }
    return true;
  }

  /** Words worth looking up: no digits, more than one letter, not an all-capitals abbreviation. */
  static boolean isCheckable(String w) {
    if (w.length() < 2 || w.chars().anyMatch(Character::isDigit)) {
      return false;
    }
    return !w.equals(w.toUpperCase(java.util.Locale.ROOT)) || w.equals(AzText.foldAz(w));
  }

  private static String preview(Sentence s) {
    List<String> w = s.words();
    return String.join(" ", w.subList(0, Math.min(6, w.size()))) + (w.size() > 6 ? " …" : "");
  }
}
