package az.disclose.site;

/**
 * Points the internal links of a page rendered for a language root ({@code /en}) at that
 * language's pages: the templates and the Markdown bodies write site paths ({@code /news/},
 * {@code /request/}), which on an English page mean {@code /en/news/}, {@code /en/request/}.
 *
 * <p>Rewritten: every {@code href="/..."} whose path (before {@code ?} and {@code #}) is a page —
 * it ends in {@code /} or {@code .html} — or the feed ({@code /feed.xml}). Left alone: files that
 * exist once for both languages (the style sheet, {@code /plan.json}, {@code /files/...}), links
 * already under the root, other hosts ({@code //host}), and any link in a tag carrying
 * {@code hreflang} (the language switch, which points at the other language on purpose). Only
 * {@code href}: a form's {@code action} goes to the inbox as it is.
 */
final class LanguageLinks {
  private static final String HREF = " href=\"/";

  private LanguageLinks() {}

  static String rewrite(String html, String root) {
    if (root.isEmpty()) {
      return html;
    }
    StringBuilder out = null;
    int copied = 0;
    int from = 0;
    while (true) {
      int at = html.indexOf(HREF, from);
      if (at < 0) {
        break;
      }
      int valueStart = at + HREF.length() - 1; // at the '/'
      int close = html.indexOf('"', valueStart);
      if (close < 0) {
        break;
      }
      from = close + 1;
      String value = html.substring(valueStart, close);
      if (!rewritten(value, root) || inLanguageTag(html, at)) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(html.length() + 256);
      }
      out.append(html, copied, valueStart).append(root);
      copied = valueStart;
    }
    if (out == null) {
      return html;
    }
    out.append(html, copied, html.length());
    return out.toString();
  }

  /** Whether a site path {@code value} has a page of its own under the language root. */
  static boolean rewritten(String value, String root) {
    if (value.startsWith("//") || value.equals(root) || value.startsWith(root + "/")) {
      return false;
    }
    int end = value.length();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    String path = value.substring(0, end);
    return path.endsWith("/") || path.endsWith(".html") || path.equals("/feed.xml");
  }

  /** Whether the tag around the attribute at {@code at} carries {@code hreflang}. */
  private static boolean inLanguageTag(String html, int at) {
    int start = html.lastIndexOf('<', at);
    int end = html.indexOf('>', at);
    if (start < 0 || end < 0) {
      return false;
    }
    return html.substring(start, end).contains(" hreflang=");
  }
}
