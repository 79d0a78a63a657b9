package az.disclose.render;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown to HTML with commonmark-java: GFM tables, heading anchors, autolinks. Raw HTML in the
 * Markdown is escaped, not passed through, and links with schemes other than http(s), mailto and
 * tel (javascript:, data:, ...) are neutralised: every page stays valid HTML and no content file
 * can inject script. Immutable and thread-safe.
 */
public final class Markdown {
  private static final List<Extension> EXTENSIONS =
      List.of(TablesExtension.create(), HeadingAnchorExtension.create(), AutolinkExtension.create());
  private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto", "tel");

  private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
  private final HtmlRenderer renderer = HtmlRenderer.builder()
      .extensions(EXTENSIONS)
      .escapeHtml(true)
      .attributeProviderFactory(context -> (node, tagName, attributes) -> {
        if (node instanceof Link && !isSafe(attributes.get("href"))) {
          attributes.put("href", "#");
        } else if (node instanceof Image && !isSafe(attributes.get("src"))) {
          attributes.put("src", "#");
        } else if (node instanceof org.commonmark.node.BulletList list && selfNumbered(list)) {
          attributes.put("class", "numbered");
        }
      })
      .build();

  public String toHtml(String markdown) {
    return renderer.render(parser.parse(markdown));
  }

  /** An item's own number at its start, as legal texts number their points: "4.1.", "2.1.3.". */
  private static final java.util.regex.Pattern OWN_NUMBER = java.util.regex.Pattern.compile("(\\d+(\\.\\d+)+\\.?|\\d+\\.)\\s.*", java.util.regex.Pattern.DOTALL);

  /**
   * Whether every item of {@code list} starts with its own number (a point of an order or of rules):
   * such a list is marked {@code class="numbered"}, and the theme shows the numbers without bullets,
   * so that each point's number is shown once.
   */
  static boolean selfNumbered(org.commonmark.node.BulletList list) {
    boolean any = false;
    for (org.commonmark.node.Node item = list.getFirstChild(); item != null; item = item.getNext()) {
      org.commonmark.node.Node first = item.getFirstChild();
      org.commonmark.node.Node text = first instanceof org.commonmark.node.Paragraph p ? p.getFirstChild() : null;
      if (!(text instanceof org.commonmark.node.Text t) || !OWN_NUMBER.matcher(t.getLiteral()).matches()) {
        return false;
      }
      any = true;
    }
    return any;
  }

  static boolean isSafe(String url) {
    if (url == null) {
      return true;
    }
    int colon = url.indexOf(':');
    if (colon < 0) {
      return true;
    }
    int slash = url.indexOf('/');
    int query = url.indexOf('?');
    int hash = url.indexOf('#');
    // A colon after the first '/', '?' or '#' is not a scheme separator ("/a:b", "?t=1:2").
    for (int stop : new int[] {slash, query, hash}) {
      if (stop >= 0 && stop < colon) {
        return true;
      }
    }
    return SAFE_SCHEMES.contains(url.substring(0, colon).strip().toLowerCase(Locale.ROOT));
  }
}
