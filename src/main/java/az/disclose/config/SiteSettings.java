package az.disclose.config;

import az.disclose.files.InputFiles;
import java.net.URI;
import java.util.Locale;

/**
 * The site's settings from {@code content/site.yaml}.
 *
 * @param baseUrl absolute URL the site is published at, always ending in '/'; used for the feed,
 *     the sitemap and canonical links
 * @param requestEndpoint where the "request information" form posts to (the inbox)
 * @param requestEmail the e-mail alternative to the form
 * @param limits the size limits of input files ({@code max_text_file_mib}, {@code max_published_file_mib})
 */
public record SiteSettings(
    String title,
    String description,
    URI baseUrl,
    Locale locale,
    int newsPerPage,
    URI requestEndpoint,
    String requestEmail,
    InputFiles.Limits limits) {

  /** Settings with the default size limits of input files. */
  public SiteSettings(String title, String description, URI baseUrl, Locale locale, int newsPerPage, URI requestEndpoint,
      String requestEmail) {
    this(title, description, baseUrl, locale, newsPerPage, requestEndpoint, requestEmail, InputFiles.Limits.DEFAULT);
  }

  public String language() {
    return locale.toLanguageTag();
  }

  /** The absolute URL of a site path such as {@code /news/}. */
  public String absolute(String sitePath) {
    String base = baseUrl.toString();
    return base.substring(0, base.length() - 1) + sitePath;
  }
}
