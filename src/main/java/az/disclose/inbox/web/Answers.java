package az.disclose.inbox.web;

import az.disclose.inbox.web.InboxViews.ErrorPage;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpStatus;

/**
 * How the intake's endpoints answer: themed pages in the site's frame (see {@link SiteFrames}), or
 * JSON when the client asked for it. An error is {@code inbox.<kind>.title} and
 * {@code inbox.<kind>.text} ({@code {0}} replaced by its argument) on a page, {@code {"error": code,
 * ...extra}} in JSON.
 */
final class Answers {
  private final SiteFrames frames;

  Answers(SiteFrames frames) {
    this.frames = frames;
  }

  String defaultLanguage() {
    return frames.defaultLanguage();
  }

  /**
   * The language of an answer given before the form (and its {@code lang} field) is read: the first
   * language of the browser's {@code Accept-Language} (null: none) that the site has, else the site's own.
   */
  String language(String acceptLanguage) {
    if (acceptLanguage != null) {
      try {
        for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
          String tag = range.getRange();
          String lang = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
          if (frames.has(lang)) {
            return lang;
          }
        }
      } catch (IllegalArgumentException e) {
        // a malformed header: the site's language
      }
    }
    return defaultLanguage();
  }

  /** Whether the site has pages in {@code lang}. */
  boolean hasLanguage(String lang) {
    return frames.has(lang);
  }

  /** The UI messages in {@code lang} (else the site's language). */
  Map<String, String> messages(String lang) {
    return frames.frame(lang).messages();
  }

  void error(Exchange x, int status, String lang, String kind, String code) throws Exception {
    error(x, status, lang, kind, code, Map.of(), "", null);
  }

  void error(Exchange x, int status, String lang, String kind, String code, Map<String, Object> extra, String arg)
      throws Exception {
    error(x, status, lang, kind, code, extra, arg, null);
  }

  /** As above, with a link ({@code href} = its text) shown under the text; null for none. */
  void error(Exchange x, int status, String lang, String kind, String code, Map<String, Object> extra, String arg,
      String link) throws Exception {
    if (x.json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("error", code);
      out.putAll(extra);
      x.sendJson(status, out);
      return;
    }
    Map<String, String> msg = messages(lang);
    String title = msg.getOrDefault("inbox." + kind + ".title", "Error " + status);
    ErrorPage view = new ErrorPage(title, msg.getOrDefault("inbox." + kind + ".text", "").replace("{0}", arg), status,
        status != HttpStatus.NOT_FOUND_404 && status != HttpStatus.METHOD_NOT_ALLOWED_405, link);
    page(x, status, lang, "inbox-error.ftlh", title, view);
  }

  /** The page {@code template} with its record {@code view}, in {@code lang}'s frame, under the form's section. */
  void page(Exchange x, int status, String lang, String template, String title, Object view) throws Exception {
    x.sendHtml(status, frames.render(template, lang, x.path(), title, IntakeHandler.FORM_PAGE, view));
  }

  /** The status link as the citizen should keep it: on the intake's configured public address. */
  String absolute(String lang, String path) {
    URI endpoint = frames.frame(lang).settings().requestEndpoint();
    if (endpoint == null || endpoint.getScheme() == null || endpoint.getRawAuthority() == null) {
      return path;
    }
    return endpoint.getScheme() + "://" + endpoint.getRawAuthority() + path;
  }
}
