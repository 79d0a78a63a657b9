package az.disclose.inbox.web;

import az.disclose.config.SiteSettings;
import az.disclose.content.Page;
import az.disclose.inbox.Register;
import az.disclose.render.Messages;
import az.disclose.render.Templates;
import az.disclose.serve.SiteServer;
import az.disclose.site.PageFrame;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

/**
 * Builds the web intake as a Jetty 12 server, unstarted (the caller starts and stops it; port 0
 * picks a free port). To run it inside another server (the site's), use {@link #handler} and put
 * it in front of the site's handlers: it answers only {@code /requests...} and {@code /healthz}.
 */
public final class IntakeServer {
  private IntakeServer() {}

  /** A server answering the intake's paths, and the themed 404 page for every other path. */
  public static Server create(String host, int port, Register register, PageFrame frame, Templates templates,
      Clock clock, IntakeLimits limits) {
    return create(host, port, register, frame, Map.of(), templates, clock, limits);
  }

  /**
   * As {@link #create(String, int, Register, PageFrame, Templates, Clock, IntakeLimits)}, with
   * frames for forms sent in another language than the site's (see {@link #frames}).
   */
  public static Server create(String host, int port, Register register, PageFrame siteFrame,
      Map<String, PageFrame> frames, Templates templates, Clock clock, IntakeLimits limits) {
    return create(host, port, register, siteFrame, frames, templates, clock, limits, IntakeHandler.defaultUploads());
  }

  /** The intake as a handler, to combine with other handlers in one server. */
  public static IntakeHandler handler(Register register, PageFrame siteFrame, Map<String, PageFrame> frames,
      Templates templates, Clock clock, IntakeLimits limits) {
    return new IntakeHandler(register, siteFrame, frames, templates, clock, limits);
  }

  /** As above, receiving bodies in {@code uploads} (see {@link #UPLOADS}). */
  public static IntakeHandler handler(Register register, PageFrame siteFrame, Map<String, PageFrame> frames,
      Templates templates, Clock clock, IntakeLimits limits, Path uploads) {
    return new IntakeHandler(register, SiteFrames.of(siteFrame, frames, templates), clock, limits, uploads);
  }

  /** As above, with the site's look in {@code frames}: the pages follow its updates. */
  public static IntakeHandler handler(Register register, SiteFrames frames, Clock clock, IntakeLimits limits,
      Path uploads) {
    return new IntakeHandler(register, frames, clock, limits, uploads);
  }

  /** The directory under the inbox's data directory where bodies are received before they are decoded. */
  public static final String UPLOADS = "uploads";

  /**
   * As {@link #create(String, int, Register, PageFrame, Map, Templates, Clock, IntakeLimits)}, receiving
   * bodies in {@code uploads}.
   */
  public static Server create(String host, int port, Register register, PageFrame siteFrame,
      Map<String, PageFrame> frames, Templates templates, Clock clock, IntakeLimits limits, Path uploads) {
    Server server = SiteServer.bare(host, port);
    IntakeHandler intake = handler(register, siteFrame, frames, templates, clock, limits, uploads);
    server.setHandler(new Handler.Sequence(intake, new Handler.Abstract(InvocationTypeHolder.BLOCKING) {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        intake.notFound(request, response, callback);
        return true;
      }
    }));
    return server;
  }

  /**
   * A page frame for each language the form may be sent in (the site's included), so that
   * the error messages follow the form's {@code lang}: {@code az} from {@code messages_az}, {@code en}
   * from {@code messages_en} over it.
   */
  public static Map<String, PageFrame> frames(Path themeDir, SiteSettings settings, List<Page> pages) throws IOException {
    Map<String, PageFrame> frames = new LinkedHashMap<>();
    String siteLanguage = settings.locale().getLanguage();
    frames.put(siteLanguage, new PageFrame(settings, Messages.load(themeDir, settings.locale()), pages));
    for (String lang : FormValidator.LANGUAGES) {
      if (!frames.containsKey(lang)) {
        Locale locale = Locale.forLanguageTag(lang);
        SiteSettings localized = new SiteSettings(settings.title(), settings.description(), settings.baseUrl(), locale,
            settings.newsPerPage(), settings.requestEndpoint(), settings.requestEmail());
        frames.put(lang, new PageFrame(localized, Messages.load(themeDir, locale), pages));
      }
    }
    return frames;
  }

  /** The port the started server listens on. */
  public static int port(Server server) {
    return SiteServer.port(server);
  }

  private static final class InvocationTypeHolder {
    static final org.eclipse.jetty.util.thread.Invocable.InvocationType BLOCKING =
        org.eclipse.jetty.util.thread.Invocable.InvocationType.BLOCKING;
  }
}
