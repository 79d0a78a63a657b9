package az.disclose.site;

import az.disclose.config.SiteSettings;
import az.disclose.content.Page;
import az.disclose.content.PageKind;
import az.disclose.site.Views.NavLink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every HTML page of the theme needs around its own content: the settings, the UI messages
 * and the navigation (the {@link PageKind}s with an entry, then the content pages). Pages rendered outside the static build (the inbox's receipt and status
 * pages) use it too, so the citizen never leaves the site's look.
 */
public final class PageFrame {
  private final SiteSettings settings;
  private final Map<String, String> messages;
  private final Map<String, String> navItems;
  /** The crest's address on the site, or "" when the theme has none. */
  private final String crest;

  /** The crest files a theme may have in {@code static/}, in the order they are looked for. */
  public static final List<String> CREST_FILES = List.of("crest.svg", "crest.png");

  /** A frame without the theme's crest. */
  public PageFrame(SiteSettings settings, Map<String, String> messages, List<Page> pages) {
    this(settings, messages, pages, "");
  }

  /** A frame with the crest of the theme in {@code themeDir}, if it has one ({@link #CREST_FILES}). */
  public PageFrame(SiteSettings settings, Map<String, String> messages, List<Page> pages, java.nio.file.Path themeDir) {
    this(settings, messages, pages, CREST_FILES.stream()
        .filter(f -> java.nio.file.Files.isRegularFile(themeDir.resolve("static").resolve(f), java.nio.file.LinkOption.NOFOLLOW_LINKS))
        .findFirst().map(f -> "/" + f).orElse(""));
  }

  private PageFrame(SiteSettings settings, Map<String, String> messages, List<Page> pages, String crest) {
    this.crest = crest;
    this.settings = settings;
    this.messages = Map.copyOf(messages);
    Map<String, String> items = new LinkedHashMap<>();
    for (PageKind kind : PageKind.navigation()) {
      items.put(kind.path(), messages.get(kind.navKey()));
    }
    for (Page p : pages) {
      items.put(p.url(), p.title());
    }
    this.navItems = items;
  }

  public SiteSettings settings() {
    return settings;
  }

  public Map<String, String> messages() {
    return messages;
  }

  /**
   * The data model of a page at {@code sitePath} titled {@code title}, with {@code section} (a nav
   * URL, or null) marked current, plus the page's own values.
   */
  public Map<String, Object> model(String sitePath, String title, String section, Map<String, ?> specific) {
    Map<String, Object> model = new HashMap<>(specific);
    model.put("site", settings);
    model.put("msg", messages);
    model.put("nav", nav(section));
    model.put("path", sitePath);
    model.put("title", title);
    model.put("canonical", settings.absolute(sitePath));
    model.put("crest", crest);
    return model;
  }

  private List<NavLink> nav(String section) {
    List<NavLink> out = new ArrayList<>(navItems.size());
    navItems.forEach((url, label) -> out.add(new NavLink(url, label, url.equals(section))));
    return out;
  }
}
