package az.disclose.site;

import az.disclose.config.SiteSettings;
import az.disclose.content.Page;
import az.disclose.content.PageKind;
import az.disclose.render.Messages;
import az.disclose.site.Views.Alternate;
import az.disclose.site.Views.LanguageLink;
import az.disclose.site.Views.NavLink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What every HTML page of the theme needs around its own content: the settings, the UI messages
 * and the navigation (the {@link PageKind}s with an entry, then the content pages), in one
 * language, with the links to the same page in the other language. Pages rendered outside the
 * static build (the inbox's receipt and status pages) use it too, so the citizen never leaves the
 * site's look.
 *
 * <p>The first language's pages live at the site's root, the second's under {@code /<language>/}
 * ({@link #root}); a page's {@code sitePath} is the same in both ({@code /news/x/}).
 */
public final class PageFrame {
  /** The site's second language, published under {@code /en/}. */
  public static final String SECOND_LANGUAGE = "en";

  private final SiteSettings settings;
  private final Map<String, String> messages;
  private final Map<String, String> navItems;
  private final String language;
  private final String root;
  private final Predicate<String> counterpartExists;
  private final boolean bilingual;
  /** The crest's address on the site, or "" when the theme has none. */
  private final String crest;

  /** The crest files a theme may have in {@code static/}, in the order they are looked for. */
  public static final List<String> CREST_FILES = List.of("crest.svg", "crest.png");

  /** A frame whose pages all have a counterpart in the other language (the static site's), without a crest. */
  public PageFrame(SiteSettings settings, Map<String, String> messages, List<Page> pages) {
    this(settings, messages, pages, path -> true, true, "");
  }

  /** As above, with the crest of the theme in {@code themeDir}, if it has one ({@link #CREST_FILES}). */
  public PageFrame(SiteSettings settings, Map<String, String> messages, List<Page> pages, java.nio.file.Path themeDir) {
    this(settings, messages, pages, path -> true, true, crestOf(themeDir));
  }

  /**
   * A frame in the language of {@code settings} ({@code pages} titled in it). A page whose path
   * fails {@code counterpartExists} is not one of the site's pages under a language root (the
   * inbox's receipt and status pages): it has no alternates, its canonical address is its own, and
   * its language switch leads to its section (or the home page) in the other language.
   */
  public PageFrame(SiteSettings settings, Map<String, String> messages, List<Page> pages, Predicate<String> counterpartExists) {
    this(settings, messages, pages, counterpartExists, true, "");
  }

  /**
   * As above; when not {@code bilingual} (a site whose first language is English), the site has
   * one language, at its root: no alternates and no language switch.
   */
  public PageFrame(SiteSettings settings, Map<String, String> messages, List<Page> pages, Predicate<String> counterpartExists,
      boolean bilingual) {
    this(settings, messages, pages, counterpartExists, bilingual, "");
  }

  /** As above, with the crest of the theme in {@code themeDir}, if it has one. */
  public PageFrame(SiteSettings settings, Map<String, String> messages, List<Page> pages, Predicate<String> counterpartExists,
      boolean bilingual, java.nio.file.Path themeDir) {
    this(settings, messages, pages, counterpartExists, bilingual, crestOf(themeDir));
  }

  private static String crestOf(java.nio.file.Path themeDir) {
    return CREST_FILES.stream()
        .filter(f -> java.nio.file.Files.isRegularFile(themeDir.resolve("static").resolve(f), java.nio.file.LinkOption.NOFOLLOW_LINKS))
        .findFirst().map(f -> "/" + f).orElse("");
  }

  private PageFrame(SiteSettings settings, Map<String, String> messages, List<Page> pages, Predicate<String> counterpartExists,
      boolean bilingual, String crest) {
    this.crest = crest;
    this.settings = settings;
    this.messages = Map.copyOf(messages);
    this.language = settings.locale().getLanguage();
    this.bilingual = bilingual;
    this.root = bilingual ? rootOf(language) : "";
    this.counterpartExists = counterpartExists;
    Map<String, String> items = new LinkedHashMap<>();
    for (PageKind kind : PageKind.navigation()) {
      items.put(kind.path(), messages.get(kind.navKey()));
    }
    for (Page p : pages) {
      items.put(p.url(), p.title());
    }
    this.navItems = items;
  }

  /** Where a language's pages live: "" for the first language, {@code /en} for English. */
  public static String rootOf(String language) {
    return language.equals(Messages.FIRST_LANGUAGE) ? "" : "/" + language;
  }

  /** The other of the site's two languages. */
  public static String otherLanguage(String language) {
    return language.equals(Messages.FIRST_LANGUAGE) ? SECOND_LANGUAGE : Messages.FIRST_LANGUAGE;
  }

  public SiteSettings settings() {
    return settings;
  }

  public Map<String, String> messages() {
    return messages;
  }

  /**
   * {@code html} rendered in this frame with its internal page links pointed at this frame's
   * language (see {@link LanguageLinks}): for pages rendered outside the static build (the inbox's),
   * whose templates write site paths as the static pages' do.
   */
  public String inItsLanguage(String html) {
    return LanguageLinks.rewrite(html, root);
  }

  /** This frame's language root: "" or {@code /en}. */
  public String root() {
    return root;
  }

  /**
   * The data model of a page at {@code sitePath} (the same in both languages) titled
   * {@code title}, with {@code section} (a nav URL, or null) marked current, plus the page's own values.
   */
  public Map<String, Object> model(String sitePath, String title, String section, Map<String, ?> specific) {
    Map<String, Object> model = new HashMap<>(specific);
    model.put("site", settings);
    model.put("msg", messages);
    model.put("nav", nav(section));
    model.put("path", sitePath);
    model.put("title", title);
    model.put("crest", crest);
    model.put("root", root);
    model.putIfAbsent("contentLang", "");
    String other = otherLanguage(language);
    if (!bilingual) {
      model.put("canonical", settings.absolute(sitePath));
      model.put("alternates", List.of());
    } else if (counterpartExists.test(sitePath)) {
      // A page of the site, in both languages: each under its language's root.
      model.put("canonical", settings.absolute(root + sitePath));
      model.put("alternates", List.of(
          new Alternate(Messages.FIRST_LANGUAGE, settings.absolute(sitePath)),
          new Alternate(SECOND_LANGUAGE, settings.absolute(rootOf(SECOND_LANGUAGE) + sitePath)),
          new Alternate("x-default", settings.absolute(sitePath))));
      model.put("languageSwitch", new LanguageLink(rootOf(other) + sitePath, other, messages.getOrDefault("language.other", other)));
    } else {
      // A page outside the languages' roots (the inbox's): no alternates; the switch leads to its section.
      String target = section != null && counterpartExists.test(section) ? section : "/";
      model.put("canonical", settings.absolute(sitePath));
      model.put("alternates", List.of());
      model.put("languageSwitch", new LanguageLink(rootOf(other) + target, other, messages.getOrDefault("language.other", other)));
    }
    return model;
  }

  private List<NavLink> nav(String section) {
    List<NavLink> out = new ArrayList<>(navItems.size());
    navItems.forEach((url, label) -> out.add(new NavLink(root + url, label, url.equals(section))));
    return out;
  }
}
