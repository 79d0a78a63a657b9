package az.disclose.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every kind of page the site is made of, in one place: where it lives, the theme template that
 * renders it, its entry in the site's navigation (a message key of the theme) and which entry it
 * marks as current. The navigation (site.PageFrame: the kinds with an entry, in this order, then
 * the content pages) and the names no content page may take as its slug
 * ({@link ContentLoader#RESERVED_SLUGS}) derive from it. A new kind of page is a new constant here,
 * its template under {@code theme/templates/}, its message keys in both bundles, and its job in
 * site.SiteBuilder.
 *
 * <p>Here, in {@code content}, because the content must keep out of the site's own addresses, and
 * {@code content} does not depend on {@code site}.
 */
public enum PageKind {
  HOME("/", "index.ftlh", "nav.home", "/"),
  NEWS_LIST("/news/", "news-list.ftlh", "nav.news", "/news/"),
  NEWS_ITEM("/news/", "news.ftlh", null, "/news/"),
  TAGS("/tags/", "tags.ftlh", null, "/news/"),
  TAG("/tags/", "tag.ftlh", null, "/news/"),
  PLAN("/plan/", "plan.ftlh", "nav.plan", "/plan/"),
  MEASURE("/plan/", "measure.ftlh", null, "/plan/"),
  COMMISSION("/commission/", "commission.ftlh", "nav.commission", null),
  DOCUMENTS("/documents/", "documents.ftlh", "nav.documents", "/documents/"),
  DOCUMENT("/documents/", "document.ftlh", null, "/documents/"),
  REQUEST("/request/", "request.ftlh", "nav.request", "/request/"),
  STATISTICS("/statistics/", "statistics.ftlh", null, "/request/"),
  OPENNESS("/openness/", "openness.ftlh", null, null),
  /** How to reach the ministry and its FOI officers (data/contact.yaml). */
  CONTACT("/contact/", "contact.ftlh", "nav.contact", "/contact/"),
  /** The published reports (docs/publishing.md): the list, the approved annual reports, the months' FOI figures. */
  REPORTS("/reports/", "reports.ftlh", null, null),
  ANNUAL_REPORT("/reports/", "report-annual.ftlh", null, null),
  MONTHLY_REPORT("/reports/", "report-monthly.ftlh", null, null),
  /** A page of {@code content/pages/}, at {@code /<slug>/}: in the navigation after the kinds above, marking itself. */
  PAGE("/", "page.ftlh", null, null),
  /** Answered by the web server for any missing address; nothing links to it, and it takes no name. */
  NOT_FOUND("/404.html", "404.ftlh", null, null),
  FEED("/feed.xml", "feed.ftlx", null, null),
  SITEMAP("/sitemap.xml", "sitemap.ftlx", null, null);

  /**
   * Top-level addresses the site uses for other things than pages of a kind above:
   * {@code content/files/} copied as it is, and the inbox's endpoint (inbox.web.IntakeHandler).
   */
  public static final List<String> OTHER_ADDRESSES = List.of("/files/", "/requests");

  private final String path;
  private final String template;
  private final String navKey;
  private final String section;

  PageKind(String path, String template, String navKey, String section) {
    this.path = path;
    this.template = template;
    this.navKey = navKey;
    this.section = section;
  }

  /** Where the page is, or (for a kind with many pages) the directory its pages are under. */
  public String path() {
    return path;
  }

  /** The theme template (under {@code theme/templates/}) that renders it. */
  public String template() {
    return template;
  }

  /** The message key of its navigation entry, which links to {@link #path()}; null: none. */
  public String navKey() {
    return navKey;
  }

  /** The navigation entry (its URL) that a page of this kind at {@code sitePath} marks as current; null: none. */
  public String section(String sitePath) {
    return this == PAGE ? sitePath : section;
  }

  /** The kinds with a navigation entry, in the navigation's order. */
  public static List<PageKind> navigation() {
    List<PageKind> out = new ArrayList<>();
    for (PageKind k : values()) {
      if (k.navKey != null) {
        out.add(k);
      }
    }
    return out;
  }

  /** The top-level names the site's own pages and addresses take (no content page may take them), sorted. */
  static Set<String> reservedNames() {
    Set<String> names = new TreeSet<>();
    for (PageKind k : values()) {
      if (k != NOT_FOUND) {
        names.add(topName(k.path));
      }
    }
    OTHER_ADDRESSES.forEach(a -> names.add(topName(a)));
    names.remove("");
    return names;
  }

  private static String topName(String path) {
    String rest = path.substring(1);
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }
}
