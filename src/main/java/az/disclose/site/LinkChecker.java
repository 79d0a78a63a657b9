package az.disclose.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects the internal links ({@code href}, {@code src}) of every generated page while it is
 * written, and at the end lists each that points at no generated file. Links to other hosts,
 * {@code mailto:} and pure fragments are not checked. Thread-safe.
 *
 * <p>Most links repeat on every page (navigation, footer), so each distinct target is kept once,
 * with the pages that link to it.
 */
final class LinkChecker {
  private static final Pattern LINK = Pattern.compile("\\s(?:href|src)=\"([^\"]*)\"");

  /** target site path -> pages linking to it */
  private final Map<String, Set<String>> pagesByTarget = new ConcurrentHashMap<>();

  /** Records the links of a page; returns its internal targets (for the build cache). */
  Set<String> scan(String pageSitePath, String html) {
    Set<String> targets = new TreeSet<>();
    Matcher m = LINK.matcher(html);
    while (m.find()) {
      String target = internalTarget(pageSitePath, m.group(1));
      if (target != null) {
        targets.add(target);
      }
    }
    add(pageSitePath, targets);
    return targets;
  }

  /** Records links known from an earlier build of an unchanged page. */
  void add(String pageSitePath, Collection<String> targets) {
    for (String t : targets) {
      pagesByTarget.computeIfAbsent(t, k -> ConcurrentHashMap.newKeySet()).add(pageSitePath);
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

  /** Every broken link as "page links to target", sorted; {@code output} says which files exist. */
  List<String> broken(Output output) {
    Map<String, List<String>> byPage = new TreeMap<>();
    pagesByTarget.forEach((target, pages) -> {
      if (!resolves(output, target)) {
        for (String page : pages) {
          byPage.computeIfAbsent(page, k -> new ArrayList<>()).add(target);
        }
      }
    });
    List<String> out = new ArrayList<>();
    byPage.forEach((page, targets) -> targets.stream().sorted()
        .forEach(t -> out.add(page + " links to " + t + ", which the build did not produce")));
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
