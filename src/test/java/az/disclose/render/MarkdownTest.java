package az.disclose.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link Markdown}: points that carry their own numbers are shown with them once, not under bullets too. */
class MarkdownTest {
  private final Markdown markdown = new Markdown();

  @Test
  void aListOfPointsWithTheirOwnNumbersIsMarkedNumberedAndNestedOnesToo() {
    String html = markdown.toHtml("""
        - 2.1. İnformasiyanın təqdim olunmalı olduğu hallar:
          - 2.1.1. Qanunun tələbləri;
          - 2.1.2. Rüblük materiallar.
        - 2.2. Digər hallar.
        """);
    assertThat(html).startsWith("<ul class=\"numbered\">");
    assertThat(html).contains("<ul class=\"numbered\">\n<li>2.1.1. Qanunun tələbləri;");
  }

  @Test
  void anOrdinaryListKeepsItsBullets() {
    assertThat(markdown.toHtml("- bir\n- iki\n")).startsWith("<ul>\n");
    // One item without its own number is enough: the list is not a list of points.
    assertThat(markdown.toHtml("- 4.1. birinci bənd\n- qeyd\n")).startsWith("<ul>\n");
    // A count is not a point's number.
    assertThat(markdown.toHtml("- 2 nəfər\n- 3 nəfər\n")).startsWith("<ul>\n");
  }
}
