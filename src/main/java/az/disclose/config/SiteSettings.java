package az.disclose.config;

import java.net.URI;
import java.util.Locale;

/**
 * The site's settings from {@code content/site.yaml}.
 *
 * @param baseUrl absolute URL the site is published at, always ending in '/'; used for the feed,
 *     the sitemap and canonical links
 * @param requestEndpoint where the "request information" form posts to (the inbox)
 * @param requestEmail the e-mail alternative to the form
 */
public record SiteSettings(
    String title,
    String description,
    URI baseUrl,
    Locale locale,
    int newsPerPage,
    URI requestEndpoint,
    String requestEmail) {

  public String language() {
    return locale.toLanguageTag();
  }

  /** The absolute URL of a site path such as {@code /news/}. */
  public String absolute(String sitePath) {
    String base = baseUrl.toString();
    return base.substring(0, base.length() - 1) + sitePath;
  }
}
