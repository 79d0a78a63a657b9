package az.disclose.render;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown to HTML with commonmark-java: GFM tables, heading anchors, autolinks. Raw HTML in the
 * Markdown is escaped, not passed through, and unsafe link schemes are dropped: every page stays
 * valid HTML and no content file can inject script. Immutable and thread-safe.
 */
public final class Markdown {
  private static final List<Extension> EXTENSIONS =
      List.of(TablesExtension.create(), HeadingAnchorExtension.create(), AutolinkExtension.create());

  private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
  private final HtmlRenderer renderer =
      HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true).build();

  public String toHtml(String markdown) {
    return renderer.render(parser.parse(markdown));
  }
}
