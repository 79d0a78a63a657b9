package az.disclose.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
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
 */
final class LinkChecker {
  private static final Pattern LINK = Pattern.compile("\\s(?:href|src)=\"([^\"]*)\"");

  /** page site path -> internal targets (site paths) */
  private final Map<String, Set<String>> links = new ConcurrentHashMap<>();

  void scan(String pageSitePath, String html) {
    Set<String> targets = new TreeSet<>();
    Matcher m = LINK.matcher(html);
    while (m.find()) {
      String target = internalTarget(pageSitePath, m.group(1).replace("&amp;", "&"));
      if (target != null) {
        targets.add(target);
      }
    }
    if (!targets.isEmpty()) {
      links.put(pageSitePath, targets);
    }
  }

  /** The site path a link points at, or null for links that are not checked. */
  static String internalTarget(String pageSitePath, String href) {
    if (href.isEmpty() || href.startsWith("#") || href.startsWith("//")) {
      return null;
    }
    try {
      URI uri = new URI(href);
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

  /** Every broken link as "page -> target", sorted; {@code output} says which files exist. */
  List<String> broken(Output output) {
    Map<String, List<String>> byPage = new TreeMap<>();
    for (Map.Entry<String, Set<String>> e : links.entrySet()) {
      for (String target : e.getValue()) {
        if (!resolves(output, target)) {
          byPage.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(target);
        }
      }
    }
    List<String> out = new ArrayList<>();
    byPage.forEach((page, targets) -> targets.forEach(t -> out.add(page + " links to " + t + ", which the build did not produce")));
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
