package az.disclose.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkCheckerTest {
  /** The expression the scanner replaces: it must find exactly what this finds. */
  private static final Pattern LINK = Pattern.compile("\\s(?:href|src)=\"([^\"]*)\"");

  private static List<String> byRegex(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = LINK.matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static List<String> byScanner(String html) {
    List<String> out = new ArrayList<>();
    LinkChecker.forEachLink(html, out::add);
    return out;
  }

  @Test
  void scannerFindsWhatTheRegularExpressionFinds() {
    List<String> cases = List.of(
        "", "href=\"/a/\"", " href=\"/a/\"", "<a href=\"/a/\">x</a>", "<img src=\"/i.png\" alt=\"\">",
        "<a\nhref=\"/n/\">", "<a\thref=\"/t/\">", "<a\rhref=\"/r/\">", "<a\fhref=\"/f/\">", "<a\u000Bhref=\"/v/\">",
        "<a\u00A0href=\"/nbsp/\">", "<a xhref=\"/x/\">", "<a data-src=\"/d/\">", "<a href='/single/'>", "<a href=/bare/>",
        "<a href=\"/open/>", "<a href=\"\">", "<a href=\"x src=\"y\"", "<a href=\"a\" src=\"b\" href=\"c\">",
        "<a HREF=\"/upper/\">", "<a href =\"/space/\">", "=\"", " =\"", " src=\"", " src=\"\"", "src=\"a\" src=\"b\"",
        "<a href=\"/a/\"href=\"/b/\">", "<a href=\"/a/\" src=\"/b/", " hrefsrc=\"/c/\"", " srchref=\"/c/\"",
        "<p>href=\"/text/\" and src=\"/text2/\"</p>", "<a href=\"/line\nbreak/\">", "<a href=\"/ə/\">");
    for (String html : cases) {
      assertThat(byScanner(html)).as(html).isEqualTo(byRegex(html));
    }
  }

  @Test
  void randomMarkupNeverDisagrees() {
    String[] pieces = {" ", "\n", "\t", "<a", ">", "</a>", "href", "src", "=", "\"", "=\"", " href=\"", " src=\"", "/x/",
        "ə", "x", "h", "re", "f", "s", "rc", "\u000B", "'"};
    Random rnd = new Random(3);
    for (int n = 0; n < 50_000; n++) {
      StringBuilder sb = new StringBuilder();
      int k = rnd.nextInt(16);
      for (int i = 0; i < k; i++) {
        sb.append(pieces[rnd.nextInt(pieces.length)]);
      }
      String html = sb.toString();
      assertThat(byScanner(html)).as(html).isEqualTo(byRegex(html));
    }
  }

  @Test
  void brokenLinksAreListedByPageThenTarget(@TempDir Path dir) throws Exception {
    Output output = Output.open(dir.resolve("site"));
    output.write("/", new byte[] {1});
    output.write("/news/a/", new byte[] {1});
    output.write("/feed.xml", new byte[] {1});
    LinkChecker links = new LinkChecker();
    Set<String> targets = links.scan("/news/a/",
        "<a href=\"/\">home</a> <a href=\"../b/\">b</a> <a href=\"/feed.xml\">feed</a> <img src=\"/x.png\">"
            + " <a href=\"https://example.org/\">out</a> <a href=\"#top\">top</a> <a href=\"mailto:a@b.az\">m</a>");
    assertThat(targets).containsExactly("/", "/feed.xml", "/news/b/", "/x.png");
    links.add("/", List.of("/news/a/", "/news/b/"));
    links.add("/news/a/", List.of("/news/b/"));
    assertThat(links.broken(output)).containsExactly(
        "/ links to /news/b/, which the build did not produce",
        "/news/a/ links to /news/b/, which the build did not produce",
        "/news/a/ links to /x.png, which the build did not produce");
  }
}
