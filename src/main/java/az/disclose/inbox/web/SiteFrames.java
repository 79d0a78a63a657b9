package az.disclose.inbox.web;

import az.disclose.config.SiteSettings;
import az.disclose.content.ContentLoader;
import az.disclose.content.Page;
import az.disclose.render.Messages;
import az.disclose.render.Templates;
import az.disclose.site.PageFrame;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The site's look as the inbox's pages wear it: the page frame (settings, messages, navigation) for
 * each language a form may be sent in, and the theme's templates. {@link #update} replaces all of it
 * at once, so that a change to {@code site.yaml}, the messages, the pages or a template during
 * {@code serve} reaches the inbox's pages as it reaches the site's; a page being rendered finishes
 * with the look it started with.
 */
public final class SiteFrames {
  private record Look(String defaultLanguage, Map<String, PageFrame> frames, Templates templates) {}

  private volatile Look look;

  private SiteFrames(Look look) {
    this.look = look;
  }

  /** The frames of {@code settings} and {@code pages}, with the messages and templates of {@code themeDir}. */
  public static SiteFrames load(Path themeDir, SiteSettings settings, List<Page> pages) throws IOException {
    return new SiteFrames(read(themeDir, settings, pages));
  }

  /**
   * Replaces the frames with those of {@code settings} and {@code pages} (the site as it was just
   * built), reading the theme's messages and templates again. On a failure the previous look stays.
   */
  public void update(Path themeDir, SiteSettings settings, List<Page> pages) throws IOException {
    this.look = read(themeDir, settings, pages);
  }

  private static Look read(Path themeDir, SiteSettings settings, List<Page> pages) throws IOException {
    String siteLanguage = settings.locale().getLanguage();
    Templates templates = new Templates(themeDir.resolve("templates"), settings.locale());
    return new Look(siteLanguage, frames(themeDir, settings, pages), templates);
  }

  /**
   * A page frame for each language the form may be sent in (the site's included), so that the error
   * messages follow the form's {@code lang}: {@code az} from {@code messages_az}, {@code en} from
   * {@code messages_en} over it.
   */
  private static Map<String, PageFrame> frames(Path themeDir, SiteSettings settings, List<Page> pages)
      throws IOException {
    Map<String, PageFrame> frames = new HashMap<>();
    // The inbox's own pages (/requests...) are the same address in both languages: not the site's.
    java.util.function.Predicate<String> ofTheSite = path -> !path.startsWith(IntakeHandler.FORM_PATH);
    boolean bilingual = settings.locale().getLanguage().equals(Messages.FIRST_LANGUAGE);
    frames.put(settings.locale().getLanguage(), new PageFrame(settings, Messages.load(themeDir, settings.locale()), pages, ofTheSite,
        bilingual, themeDir));
    for (String lang : FormValidator.LANGUAGES) {
      if (!frames.containsKey(lang)) {
        Locale locale = Locale.forLanguageTag(lang);
        // The site's title in that language (site.yaml's en: block) and the content pages' titles
        // from their translations (x.en.md), as the site's pages in that language show them.
        SiteSettings localized = settings.in(lang);
        List<Page> titled = new ContentLoader(settings.limits()).inLanguage(pages, lang);
        frames.put(lang, new PageFrame(localized, Messages.load(themeDir, locale), titled, ofTheSite, bilingual, themeDir));
      }
    }
    return Map.copyOf(frames);
  }

  /** The site's language: what an answer uses before the requester's language is known. */
  String defaultLanguage() {
    return look.defaultLanguage();
  }

  /** Whether there is a frame for {@code lang}. */
  boolean has(String lang) {
    return look.frames().containsKey(lang);
  }

  /** The frame for {@code lang}, else the site's. */
  PageFrame frame(String lang) {
    Look l = look;
    return l.frames().getOrDefault(lang, l.frames().get(l.defaultLanguage()));
  }

  /**
   * The page {@code template} at {@code sitePath} in {@code lang}'s frame, its own record as {@code view};
   * the frame and the templates of one look.
   */
  String render(String template, String lang, String sitePath, String title, String section, Object view)
      throws IOException, TemplateException {
    Look l = look;
    PageFrame frame = l.frames().getOrDefault(lang, l.frames().get(l.defaultLanguage()));
    // The brand, the footer's and the pages' own links lead to the site's pages in the frame's
    // language (/en/...); the inbox's own addresses (/requests/...) never end in '/', so stay.
    return frame.inItsLanguage(l.templates().render(template, frame.model(sitePath, title, section, Map.of("view", view))));
  }
}
