package az.disclose.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Collects the internal links ({@code href}, {@code src}) of every generated page while it is
 * written, and at the end lists each that points at no generated file. Links to other hosts,
 * {@code mailto:} and pure fragments are not checked. Thread-safe.
 *
 * <p>Pages are scanned by hand, not with a regular expression; each page's targets are kept as
 * an array and only grouped, each distinct target checked
 * once, when {@link #broken} is asked at the end: no shared structure is written per link while
 * the pages are rendered in parallel.
 */
final class LinkChecker {
  /** Each page with its internal targets, as recorded; grouped only when {@link #broken} asks. */
  private final Queue<PageLinks> pages = new ConcurrentLinkedQueue<>();

  private record PageLinks(String page, String[] targets) {}

  /** Records the links of a page; returns its internal targets (for the build cache). */
  Set<String> scan(String pageSitePath, String html) {
    Set<String> targets = new TreeSet<>();
    forEachLink(html, value -> {
      String target = internalTarget(pageSitePath, value);
      if (target != null) {
        targets.add(target);
      }
    });
    add(pageSitePath, targets);
    return targets;
  }

  /**
   * Calls {@code action} with the value of every {@code href="..."} and {@code src="..."} that
   * follows white space (the attributes as the templates and the Markdown renderer write them),
   * left to right, as the regular expression {@code \s(?:href|src)="([^"]*)"} finds them.
   */
  static void forEachLink(String html, Consumer<String> action) {
    int from = 0;
    while (true) {
      int eq = html.indexOf("=\"", from);
      if (eq < 0) {
        return;
      }
      int nameStart = attributeStart(html, eq);
      if (nameStart < 0) {
        from = eq + 1;
        continue;
      }
      int close = html.indexOf('"', eq + 2);
      if (close < 0) {
        return; // no closing quote anywhere after: no further match either
      }
      action.accept(html.substring(eq + 2, close));
      from = close + 1;
    }
  }

  /** Where {@code href} or {@code src} ends at {@code eq}, after white space; -1 otherwise. */
  private static int attributeStart(String html, int eq) {
    int start;
    if (eq >= 5 && html.startsWith("href", eq - 4)) {
      start = eq - 4;
    } else if (eq >= 4 && html.startsWith("src", eq - 3)) {
      start = eq - 3;
    } else {
      return -1;
    }
    char before = html.charAt(start - 1);
    // \s in a Java regular expression: [ \t\n\x0B\f\r]
    return before == ' ' || before == '\n' || before == '\t' || before == '\r' || before == '\f' || before == '\u000B' ? start : -1;
  }

  /** Records links known from an earlier build of an unchanged page. */
  void add(String pageSitePath, Collection<String> targets) {
    if (!targets.isEmpty()) {
      pages.add(new PageLinks(pageSitePath, targets.toArray(new String[0])));
    }
  }

  /** The site path a link points at, or null for links that are not checked. */
  static String internalTarget(String pageSitePath, String href) {
    if (href.isEmpty() || href.charAt(0) == '#' || href.startsWith("//")) {
      return null;
    }
    if (href.charAt(0) == '/' && isPlainPath(href)) {
      return href;
    }
    try {
      URI uri = new URI(href.replace("&amp;", "&"));
      if (uri.getScheme() != null) {
        return null;
      }
      URI base = new URI("http", "site", pageSitePath, null);
      String path = base.resolve(uri).getPath();
      return path == null || path.isEmpty() ? "/" : path;
    } catch (URISyntaxException e) {
      return href;
    }
  }

  /** A root-relative path with no query, fragment, escapes or dot segments: its own target. */
  private static boolean isPlainPath(String href) {
    for (int i = 0; i < href.length(); i++) {
      char c = href.charAt(i);
      if (c == '?' || c == '#' || c == '%' || c == '&' || c == '\\') {
        return false;
      }
      if (c == '.' && i > 0 && href.charAt(i - 1) == '/') {
        return false;
      }
    }
    return true;
  }

  /** A link from the page at site path {@code page} to {@code target}, which the build did not produce. */
  record Broken(String page, String target) {
    @Override
    public String toString() {
      return page + " links to " + target + ", which the build did not produce";
    }
  }

  /** Every broken link as "page links to target", sorted; {@code output} says which files exist. */
  List<String> broken(Output output) {
    return brokenLinks(output).stream().map(Broken::toString).toList();
  }

  /** Every broken link, sorted by page and target; {@code output} says which files exist. */
  List<Broken> brokenLinks(Output output) {
    Map<String, Boolean> resolved = new HashMap<>();
    Map<String, Set<String>> byPage = new TreeMap<>();
    for (PageLinks p : pages) {
      for (String target : p.targets()) {
        if (!resolved.computeIfAbsent(target, t -> resolves(output, t))) {
          byPage.computeIfAbsent(p.page(), k -> new TreeSet<>()).add(target);
        }
      }
    }
    List<Broken> out = new ArrayList<>();
    byPage.forEach((page, targets) -> targets.forEach(t -> out.add(new Broken(page, t))));
    return out;
  }

  private static boolean resolves(Output output, String target) {
    String rel = target.substring(1);
    if (rel.isEmpty() || rel.endsWith("/")) {
      return output.produced(rel + "index.html");
    }
    return output.produced(rel) || output.produced(rel + "/index.html");
  }
}
