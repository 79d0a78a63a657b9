package az.disclose.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import az.disclose.yaml.Node;
import az.disclose.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fast front-matter reader must give exactly the YAML reader's tree whenever it answers at all
 * (otherwise it says null and the YAML reader decides, errors included).
 */
class FlatFrontMatterTest {
  private final YamlReader yaml = new YamlReader();

  /** Both readers on {@code text}; returns whether the fast one answered. */
  private boolean agree(String text) {
    Node fast = FlatFrontMatter.parse(text, 2);
    if (fast == null) {
      return false;
    }
    Node full;
    try {
      full = yaml.read(text, 2);
    } catch (YamlReader.SyntaxError e) {
      fail("fast reader accepted what YAML rejects (line " + e.line() + ": " + e.getMessage() + "):\n" + text);
      return true;
    }
    assertThat(describe(fast)).as("tree of:\n%s", text).isEqualTo(describe(full));
    return true;
  }

  /** Everything about a node that the loader can see: kinds, texts, nulls, order and lines. */
  private static String describe(Node node) {
    if (node instanceof Node.Scalar s) {
      return (s.isNull() ? "null" : "'" + s.text() + "'") + "@" + s.line();
    }
    if (node instanceof Node.Sequence seq) {
      List<String> items = new ArrayList<>();
      seq.items().forEach(i -> items.add(describe(i)));
      return "[" + String.join(", ", items) + "]@" + seq.line();
    }
    Node.Mapping m = (Node.Mapping) node;
    List<String> entries = new ArrayList<>();
    for (Map.Entry<String, Node> e : m.entries().entrySet()) {
      entries.add(e.getKey() + "@" + m.keyLines().get(e.getKey()) + ": " + describe(e.getValue()));
    }
    return "{" + String.join("; ", entries) + "}@" + m.line();
  }

  @Test
  void usualFrontMatterTakesTheFastPathWithTheSameTree() {
    List<String> usual = List.of(
        "title: \"Xəbər\"\ndate: 2012-10-30\nevent_date: 2012-10-29\ntags: [\"açıq hökumət\", \"iş planı\"]\nsummary: \"Qısa: məzmun, #1.\"\n",
        "title: Xəbər\ndate: 2012-10-30\n",
        "title: 'Nazirin ''əmri'''\ndate: 2012-10-30\n",
        "title: X\ntags:\n  - bir\n  - \"iki üç\"\n  - 'dörd'\ndate: 2012-10-30\n",
        "title: X\ntags:\n- bir\n- iki\n",
        "title: X\ntags: []\n",
        "title: X   \ndate: 2012-10-30 # published\n\n# a comment\nconfidential: true\n",
        "title: \"X\"  # the title\ntags: [a, b] # two\n",
        "title: X\r\ndate: 2012-10-30\r\ntags:\r\n  - a\r\n",
        "title: X\ntags:\n\n  # the tags\n  - a\n\n  - b\nsummary: s\n",
        "title: C# və F#\nsummary: a:b, c;d [e] {f} 100%\n",
        "number: 12\ntitle: 012\nslug: 1_000\nsummary: 1e3\n",
        "confidential: false\ntitle: yes\nsummary: no\nslug: on\n",
        "title: \"\"\n",
        "title: ''\n");
    for (String text : usual) {
      assertThat(agree(text)).as("fast path for:\n%s", text).isTrue();
    }
  }

  @Test
  void trickyTextIsEitherReadTheSameOrLeftToYaml() {
    List<String> tricky = List.of(
        "", "\n", "# only a comment\n", "title:\n", "title: ~\n", "title: null\n", "title: Null\n", "title: NULL\n",
        "title: \"a\\\"b\"\n", "title: \"a\\nb\"\n", "title: \"open\n", "title: 'open\n", "title: \"a\" b\n",
        "title: 'a' b\n", "title: a: b\n", "title: a:\n", "title:a\n", "title : a\n", " title: a\n",
        "title: a\n  continued\n", "title: a\ncontinued\n", "title: \"a\n  b\"\n", "title: |\n  a\n", "title: >\n  a\n",
        "title: &x a\nsummary: *x\n", "title: !!str 12\n", "title: [a, b\n", "tags: [a, b,]\n", "tags: [a, [b]]\n",
        "tags: [a, {b: c}]\n", "tags: [a: b]\n", "tags: ['a''b']\n", "tags: [\"a\", 'b', c d , e]\n",
        "tags: [a, b] x\n", "tags: [ ]\n", "tags: [,]\n", "tags:\n  - a\n   - b\n", "tags:\n  - a\n - b\n",
        "tags:\n  -\n", "tags:\n  - - a\n", "tags:\n  - a: b\n", "tags:\n  - [a]\n", "tags:\n  - ~\n",
        "tags:\n  - a\n  b\n", "tags:\ntitle: x\n", "tags: # none\ntitle: x\n", "title: a\ntitle: b\n",
        "title: a\ntags:\n  - a\ntags: [b]\n", "title: a\t\n", "title:\ta\n", "title: a\u0085b\n", "title: a\u2028b\n",
        "title: a\u0001\n", "title: a\rb\n", "title: \uFEFFa\n", "title: 😀\n", "%YAML 1.2\n", "- a\n- b\n", "a\n",
        "? title\n: a\n", "title: -a\n", "title: - a\n", "title: ?a\n", "title: :a\n", "title: ,a\n", "title: @a\n",
        "title: `a\n", "title: %a\n", "title: a #b #c\n", "title: a#b\n", "title: \"a\"#b\n", "title: 'a'#b\n",
        "title: a  \n", "title: a \u00A0\n", "title: \u00A0a\n", "date: 2012-10-30T10:00:00Z\n", "title: .inf\n",
        "title: 0x1F\n", "title: +1\n", "title: -1\n", "title: 1.5\n", "title: True\n", "title: FALSE\n",
        "title: Yes\n", "title: off\n", "on: x\n", "null: x\n", "true: x\n", "12: x\n", "title-2: x\n", "_x: y\n",
        "title: x\n...\n", "title: x\n---\n", "title: 'a'\n  # indented comment\n", "title: x\n\n\n",
        "tags: [\"a\"]  \n", "tags: [ \"a\" , 'b' ]\n", "tags: [a , b ]\n", "tags: [a\" b]\n", "tags: [a' b]\n",
        "tags: [a#b]\n", "tags: [a #b]\n", "tags: [a] #b\n", "tags: [a]#b\n", "tags: [-a]\n", "tags: [?a]\n",
        "tags: [a-b, c.d, e/f, g!h, i&j, k*l, m|n, o>p, q%r, s@t]\n", "tags: [\"a:b\", 'c,d', \"[e]\"]\n",
        "title: {a: b}\n", "title: [a]\nx: y\n", "title: x\ntags:\n    - a\n    - b\nsummary: y\n",
        "title: x\ntags:\n  - a  # one\n  - 'b'  # two\n", "title: x\ntags:\n  - a\n# done\nsummary: s\n",
        "title: x\ntags:\n  - a\n  # done\nsummary: s\n", "title: x\n  # c\ndate: 2012-10-30\n");
    for (String text : tricky) {
      agree(text);
    }
  }

  @Test
  void theShippedContentTakesTheFastPath() throws Exception {
    int files = 0;
    for (String dir : List.of("news", "pages", "documents")) {
      try (Stream<Path> list = Files.list(Path.of("content", dir))) {
        for (Path f : list.filter(p -> p.toString().endsWith(".md")).toList()) {
          FrontMatter split = FrontMatter.split(Files.readString(f, StandardCharsets.UTF_8));
          assertThat(agree(split.yaml())).as("fast path for %s", f).isTrue();
          files++;
        }
      }
    }
    assertThat(files).isGreaterThan(5);
  }

  /** Front matter as bench/GenCorpus.java writes it, with this project's letters. */
  @Test
  void generatedNewsFrontMatterTakesTheFastPath() {
    Random rnd = new Random(42);
    String[] words = {"nazirlik", "sənaye", "açıq", "şəffaflıq", "İqtisadiyyat", "Ölkə", "Çərçivə", "ğ", "ı", "Bakı"};
    for (int n = 0; n < 2000; n++) {
      StringBuilder sb = new StringBuilder();
      sb.append("title: \"").append(sentence(rnd, words, 5 + rnd.nextInt(5))).append("\"\n");
      LocalDate date = LocalDate.of(2019, 1, 1).plusDays(rnd.nextInt(2500));
      sb.append("date: ").append(date).append('\n');
      sb.append("event_date: ").append(date.minusDays(rnd.nextInt(4))).append('\n');
      sb.append("tags: [");
      int k = 1 + rnd.nextInt(3);
      for (int i = 0; i < k; i++) {
        sb.append(i > 0 ? ", " : "").append('"').append(sentence(rnd, words, 1 + rnd.nextInt(2))).append('"');
      }
      sb.append("]\n");
      sb.append("summary: \"").append(sentence(rnd, words, 14)).append(".\"\n");
      assertThat(agree(sb.toString())).as(sb.toString()).isTrue();
    }
  }

  /**
   * Random documents built from pieces that YAML treats specially: whenever the fast reader
   * answers, its tree is YAML's.
   */
  @Test
  void randomDocumentsNeverDisagree() {
    Random rnd = new Random(7);
    String[] keys = {"title", "date", "tags", "summary", "slug", "on", "x-y", "a_b", "null", "title"};
    String[] pieces = {"a", "Xəbər", " ", "  ", ":", ": ", "#", " #", "\"", "'", "''", "[", "]", ",", ", ", "{", "}",
        "-", "- ", "?", "!", "&", "*", "|", ">", "%", "@", "`", "~", "null", "true", "yes", "12", "0x1", "1_0",
        "2012-10-30", "\\", "\\\"", ".", "İ", "\u00A0", "\t", "\r", "\n", "\n  ", "\n  - ", "\n- ", "\n#"};
    int accepted = 0;
    for (int n = 0; n < 30_000; n++) {
      StringBuilder sb = new StringBuilder();
      int lines = 1 + rnd.nextInt(4);
      for (int l = 0; l < lines; l++) {
        if (rnd.nextInt(6) == 0) {
          sb.append(rnd.nextBoolean() ? "  " : "").append(rnd.nextBoolean() ? "# c" : "");
        } else {
          sb.append(keys[rnd.nextInt(keys.length)]).append(':');
          if (rnd.nextInt(4) != 0) {
            sb.append(' ');
          }
          switch (rnd.nextInt(5)) {
            case 0 -> sb.append('"').append(pieces(rnd, pieces, 3)).append('"');
            case 1 -> sb.append('[').append(pieces(rnd, pieces, 4)).append(']');
            case 2 -> sb.append("\n  - ").append(pieces(rnd, pieces, 2)).append("\n  - ").append(pieces(rnd, pieces, 2));
            default -> sb.append(pieces(rnd, pieces, 1 + rnd.nextInt(4)));
          }
          if (rnd.nextInt(5) == 0) {
            sb.append(pieces(rnd, pieces, 1));
          }
        }
        sb.append('\n');
      }
      if (agree(sb.toString())) {
        accepted++;
      }
    }
    // The property says something only if the fast path takes a good share of the documents.
    assertThat(accepted).isGreaterThan(3_000);
  }

  private static String pieces(Random rnd, String[] pieces, int count) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < count; i++) {
      String p = pieces[rnd.nextInt(pieces.length)];
      // Mostly words, so that many documents are well-formed.
      sb.append(rnd.nextInt(3) == 0 ? p : (rnd.nextBoolean() ? "söz" : "word " + i));
    }
    return sb.toString();
  }

  private static String sentence(Random rnd, String[] words, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(i > 0 ? " " : "").append(words[rnd.nextInt(words.length)]);
    }
    return sb.toString();
  }

  @SuppressWarnings("unused")
  private static String read(Path p) throws IOException {
    return Files.readString(p);
  }
}
