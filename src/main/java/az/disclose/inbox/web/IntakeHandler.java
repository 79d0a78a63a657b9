package az.disclose.inbox.web;

import az.disclose.inbox.Register;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.pathmap.ServletPathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public side of the inbox over HTTP (Jetty 12 core handlers, blocking): Jetty's path mappings
 * route each path to its endpoint, {@code /requests} to {@link SubmitEndpoint}, the receipt and status
 * pages and the answers' files to {@link RequestPageEndpoint}, {@code /requests/link} (a lost status link
 * e-mailed again) to {@link LostLinkEndpoint}, {@code /healthz} to {@link HealthEndpoint}. Each endpoint answers
 * with a typed view ({@link InboxViews}) rendered in the site's frame ({@link SiteFrames}). Paths it does
 * not own are left to the next handler ({@code handle} returns false), so it can sit in front of the
 * static site in one server.
 *
 * <p>Citizens' text is never logged; log lines carry request numbers only.
 */
public final class IntakeHandler extends Handler.Wrapper {
  public static final String FORM_PATH = "/requests";
  public static final String RECEIPT_PREFIX = "/requests/receipt/";
  public static final String STATUS_PREFIX = "/requests/status/";
  public static final String HEALTH_PATH = "/healthz";
  /** The form that e-mails a lost private status link again ({@link LostLinkEndpoint}). */
  public static final String LOST_LINK_PATH = "/requests/link";
  /** Where {@code GET /requests} sends people: the site's static form page. */
  public static final String FORM_PAGE = "/request/";
  static final ZoneId BAKU = ZoneId.of("Asia/Baku");
  private static final Logger LOG = LoggerFactory.getLogger(IntakeHandler.class);

  /** One endpoint: answers an exchange on a path it owns. */
  interface Endpoint {
    void answer(Exchange x) throws Exception;

    /** Whether this endpoint answers {@code path} among those its mapping routes to it. */
    default boolean owns(String path) {
      return true;
    }
  }

  private final Answers answers;
  private final HealthEndpoint health;

  /**
   * @param frames the site's look, which the pages follow when it is updated
   * @param uploads where bodies are received before they are decoded (created when missing; its
   *     {@code body-*.part} files are this handler's and are deleted after each request, and on start
   *     when a crash left some)
   */
  public IntakeHandler(Register register, SiteFrames frames, Clock clock, IntakeLimits limits, Path uploads) {
    super(new PathMappingsHandler());
    Objects.requireNonNull(register, "register");
    Objects.requireNonNull(limits, "limits");
    this.answers = new Answers(Objects.requireNonNull(frames, "frames"));
    this.health = new HealthEndpoint(register);
    SubmitEndpoint submit = new SubmitEndpoint(answers, new Registration(register, answers, limits), limits, clock,
        Objects.requireNonNull(uploads, "uploads"));
    PathMappingsHandler routes = (PathMappingsHandler) getHandler();
    routes.addMapping(new ServletPathSpec(HEALTH_PATH), route(health));
    routes.addMapping(new ServletPathSpec(FORM_PATH), route(submit));
    routes.addMapping(new ServletPathSpec(FORM_PATH + "/"), route(submit));
    routes.addMapping(new ServletPathSpec(LOST_LINK_PATH),
        route(new LostLinkEndpoint(register, answers, limits, Objects.requireNonNull(clock, "clock"))));
    routes.addMapping(new ServletPathSpec(RECEIPT_PREFIX + "*"),
        route(new RequestPageEndpoint(register, answers, RECEIPT_PREFIX, true)));
    routes.addMapping(new ServletPathSpec(STATUS_PREFIX + "*"),
        route(new RequestPageEndpoint(register, answers, STATUS_PREFIX, false)));
  }

  /**
   * Without a data directory (tests, embedding): a new directory of this handler's own under the
   * system's temporary directory, so that no other handler's leftovers clean-up can touch its files.
   */
  static Path defaultUploads() {
    try {
      return Files.createTempDirectory("disclose-uploads-");
    } catch (IOException e) {
      throw new UncheckedIOException("no temporary directory for received bodies: " + e.getMessage(), e);
    }
  }

  /**
   * Adds the mail side's state ({@code MailService#status}) to {@code /healthz}; call it before the
   * server starts.
   */
  public void reportMailStatus(Supplier<Map<String, Object>> status) {
    health.reportMailStatus(status);
  }

  /** Answers the themed 404 page (or JSON) for any path: the fallback of a standalone intake server. */
  public void notFound(Request request, Response response, Callback callback) {
    Exchange x = new Exchange(request, response, callback);
    try {
      answers.error(x, HttpStatus.NOT_FOUND_404, answers.defaultLanguage(), "notfound", "not_found");
    } catch (Exception e) {
      LOG.error("cannot render the 404 page: {}", e.toString(), e);
      callback.failed(e);
    }
  }

  /**
   * Routes by Jetty's path mappings, keeping the path as the client sent it (under a request attribute:
   * the mapped request Jetty passes on rewrites its path relative to the mapping, and has no path at all
   * outside a context).
   */
  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    request.setAttribute(Exchange.PATH, Request.getPathInContext(request));
    return super.handle(request, response, callback);
  }

  /** {@code endpoint} as a Jetty handler: the failure of any endpoint is answered here, never with its text. */
  private Handler route(Endpoint endpoint) {
    return new Handler.Abstract(InvocationType.BLOCKING) {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        Exchange x = new Exchange(request, response, callback);
        String path = x.path();
        if (!endpoint.owns(path)) {
          return false;
        }
        try {
          endpoint.answer(x);
        } catch (Throwable e) { // an Error too (out of memory): its text must never reach the page
          LOG.error("intake failed on {} {}: {}", request.getMethod(), path, e.toString(), e);
          if (!x.committed()) {
            try {
              answers.error(x, HttpStatus.INTERNAL_SERVER_ERROR_500, answers.defaultLanguage(), "servererror",
                  "internal_error");
            } catch (Throwable again) {
              // the themed page cannot be made (memory, templates): a fixed text, never the exception's
              x.plainError(HttpStatus.INTERNAL_SERVER_ERROR_500);
            }
          } else {
            callback.failed(e);
          }
        }
        return true;
      }
    };
  }
}
