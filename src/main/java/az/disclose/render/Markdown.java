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
        }
      })
      .build();

  public String toHtml(String markdown) {
    return renderer.render(parser.parse(markdown));
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
