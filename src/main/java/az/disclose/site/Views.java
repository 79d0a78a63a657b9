package az.disclose.site;

import az.disclose.config.RequestForm;
import az.disclose.content.Tag;
import java.util.List;

/** The typed models the theme's templates see (no untyped maps of content). */
public final class Views {
  private Views() {}

  /** A link in the site's navigation; {@code current} marks the section being shown. */
  public record NavLink(String url, String label, boolean current) {}

  /**
   * A news item as lists, feeds and its own page show it; {@code lang} is the language of its
   * title and summary when it is not the page's (an untranslated item on an English page: "az"),
   * otherwise empty.
   */
  public record NewsSummary(
      String title, String url, String date, String dateText, String eventDate, String eventDateText,
      String summary, List<Tag> tags, String lang) {}

  /** A {@code <link rel="alternate" hreflang>} of a page: the same page in a language, or x-default. */
  public record Alternate(String hreflang, String href) {}

  /** The link to the same page in the other language: its site path, language code and label. */
  public record LanguageLink(String url, String lang, String label) {}

  /** A note of a measure's progress, its date as ISO and in words ("30 oktyabr 2012"). */
  public record Progress(String iso, String dateText, String text, List<String> links, String source) {}

  /** A numbered link of a paginated list. */
  public record PageLink(int number, String url, boolean current) {}

  public record Pager(int current, int total, String previousUrl, String nextUrl, List<PageLink> pages) {
    public boolean multiple() {
      return total > 1;
    }
  }

  /** A tag with the number of news items carrying it. */
  public record TagCount(Tag tag, String url, int count) {}

  /** An entry of the Atom feed: {@code html} is the rendered body (escaped by the XML template). */
  public record FeedEntry(NewsSummary news, String absoluteUrl, String updated, String html) {}

  /** A choice of a form's select or radio group: the value sent, and its label. */
  public record Option(String key, String label) {}

  /**
   * The request form of {@code /request/} (theme/templates/request-form.ftlh): its limits and the
   * types and urgencies it offers.
   */
  public record RequestFormView(RequestForm spec, List<Option> types, List<Option> urgencies) {
    /** The form as the site shows it: {@link RequestForm#defaults()}, labels from {@code msg}. */
    public static RequestFormView of(RequestForm spec, java.util.Map<String, String> msg) {
      return new RequestFormView(spec,
          RequestForm.SITE_TYPES.stream().map(k -> new Option(k, msg.getOrDefault("request.type." + k, k))).toList(),
          RequestForm.URGENCIES.stream().map(k -> new Option(k, msg.getOrDefault("request.urgency." + k, k))).toList());
    }
  }

  /** A page of the sitemap. */
  public record SitemapEntry(String loc, String lastmod) {}
}
