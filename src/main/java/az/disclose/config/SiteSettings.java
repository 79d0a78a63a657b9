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
 * @param translations the title and description in the second language, by language code
 *     ({@code en:} in site.yaml); a language without them shows the first language's
 */
public record SiteSettings(
    String title,
    String description,
    URI baseUrl,
    Locale locale,
    int newsPerPage,
    URI requestEndpoint,
    String requestEmail,
    InputFiles.Limits limits,
    java.util.Map<String, Texts> translations) {

  /** The site's title and description in one language. */
  public record Texts(String title, String description) {}

  public SiteSettings {
    translations = java.util.Map.copyOf(translations);
  }

  /** Settings without translations of the title and description. */
  public SiteSettings(String title, String description, URI baseUrl, Locale locale, int newsPerPage, URI requestEndpoint,
      String requestEmail, InputFiles.Limits limits) {
    this(title, description, baseUrl, locale, newsPerPage, requestEndpoint, requestEmail, limits, java.util.Map.of());
  }

  /**
   * These settings as a page in {@code language} shows them: its locale, and the title and
   * description translated when site.yaml gives them for it.
   */
  public SiteSettings in(String language) {
    if (language.equals(locale.getLanguage())) {
      return this;
    }
    Texts t = translations.getOrDefault(language, new Texts(title, description));
    return new SiteSettings(t.title(), t.description(), baseUrl, Locale.forLanguageTag(language), newsPerPage, requestEndpoint,
        requestEmail, limits, translations);
  }

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
