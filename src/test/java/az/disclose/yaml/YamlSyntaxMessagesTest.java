package az.disclose.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A YAML syntax error is told in plain words, on the line where the editor has to act: where the
 * unclosed quote or bracket was opened, the line indented with a tab, the key without its colon.
 */
class YamlSyntaxMessagesTest {
  private static final Path FILE = Path.of("content/news/x.md");

  /** Front matter starts on the file's line 2 (after its opening ---). */
  private static ProblemsException problemsOf(String frontMatter) {
    try {
      new YamlReader().read(frontMatter, 2);
    } catch (YamlReader.SyntaxError e) {
      return new ProblemsException(java.util.List.of(new Problem(FILE, e.line(), e.getMessage())));
    }
    throw new AssertionError("parsed without an error: " + frontMatter);
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(delimiter = '|', textBlock = """
      title: "Komissiya yaradıldı\\ndate: 2012-10-30\\n                | 2 | the quote \" opened here is never closed
      title: 'Komissiya yaradıldı\\ndate: 2012-10-30\\n                | 2 | the quote ' opened here is never closed
      title: "Komissiya yaradıldı\\ndate: 2012-10-30\\ntags: ["plan"]\\n  | 2 | the quote \" opened here is never closed
      title: Xəbər\\nsummary: "Görüş\\ntags: [plan, "komissiya"]\\n  | 3 | the quote \" opened here is never closed
      title: Xəbər\\n\\tdate: 2012-10-30\\n                            | 3 | a tab is used to indent this line
      title: Xəbər\\ndate 2012-10-30\\ntags: [plan]\\n                | 3 | a colon is missing after 'date'
      title: Xəbər\\ndate: 2012-10-30\\nsummary\\n                     | 4 | a colon is missing after 'summary'
      title: Xəbər\\ntags: [plan, komissiya\\ndate: 2012-10-30\\n      | 3 | the list opened with [ here is not closed
      title: Xəbər\\n  date: 2012-10-30\\n                             | 3 | indented more than the line above it
      title: Nazir: görüş keçirildi\\n                                | 2 | put the whole value in quotes
      tags:\\n  - plan\\n - komissiya\\n                              | 4 | a list item ('- ') is indented differently
      title: Xəbər\\nsummary: "Görüş" keçirildi\\n                    | 3 | text after a quoted value
      title: @nazirlik\\n                                             | 2 | a value cannot start with @
      """)
  void aBrokenFrontMatterIsToldInPlainWordsWithItsLine(String input, int line, String says) {
    String yaml = input.strip().replace("\\n", "\n").replace("\\t", "\t");
    ProblemsException e = problemsOf(yaml);
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).as("line of %s", p).isEqualTo(line);
      assertThat(p.toString()).startsWith("content/news/x.md:" + line + ": YAML syntax error: ").contains(says)
          // never the parser's own words
          .doesNotContain("while scanning").doesNotContain("while parsing").doesNotContain("<block end>");
    });
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      a: "x\\n | 2
      a: [x\\n | 2
      """)
  void aWholeFileNamesItsPathAndLine(String input, int line) {
    String yaml = input.strip().replace("\\n", "\n");
    assertThatThrownBy(() -> new YamlReader().read(Path.of("content/data/plan.yaml"), "title: ok\n" + yaml))
        .isInstanceOf(ProblemsException.class)
        .satisfies(e -> assertThat(((ProblemsException) e).problems()).singleElement()
            .satisfies(p -> assertThat(p.toString()).startsWith("content/data/plan.yaml:" + line + ": YAML syntax error: ")));
  }
}
