package az.disclose.serve;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * Serves a built site directory over HTTP (Jetty), with the site's own {@code 404.html} for
 * missing paths. {@link #create} builds the server unstarted; the caller starts and stops it. Port
 * 0 picks a free port (tests).
 */
public final class SiteServer {
  private SiteServer() {}

  public static Server create(String host, int port, Path siteDir) {
    return create(host, port, siteDir, false);
  }

  /**
   * As {@link #create(String, int, Path)}; with {@code behindProxy}, the client's address is taken
   * from the {@code Forwarded}/{@code X-Forwarded-For} headers of the reverse proxy in front (only
   * safe when nothing but that proxy can reach the port).
   */
  public static Server create(String host, int port, Path siteDir, boolean behindProxy) {
    return create(host, port, siteDir, behindProxy, null);
  }

  /**
   * As {@link #create(String, int, Path, boolean)}; with a {@code liveReload} (null: none), it
   * answers the live-reload paths ({@link LiveReload#EVENTS_PATH}, {@link LiveReload#SCRIPT_PATH})
   * and every HTML page of the site, the 404 page included, gets {@link LiveReload#SCRIPT_TAG} in
   * the response. The files in {@code siteDir} are never changed.
   */
  public static Server create(String host, int port, Path siteDir, boolean behindProxy, LiveReload liveReload) {
    Server server = bare(host, port, behindProxy);
    Path site = siteDir.toAbsolutePath();

    ResourceHandler files = new ResourceHandler();
    files.setBaseResource(ResourceFactory.of(server).newResource(site));
    files.setDirAllowed(false);
    files.setWelcomeFiles(List.of("index.html"));
    files.setUseFileMapping(false);
    NotFound notFound = new NotFound(site, liveReload != null);
    // First: a hidden path or one through a link is not found, whatever a later handler would do.
    Refused refused = new Refused(site, notFound);
    if (liveReload == null) {
      server.setHandler(new Handler.Sequence(refused, files, notFound));
    } else {
      server.setHandler(new Handler.Sequence(refused, liveReload, new HtmlPages(files), files, notFound));
    }
    return server;
  }

  /**
   * With live reload: the site's HTML pages, read whole and answered with {@link
   * LiveReload#SCRIPT_TAG} added. They carry no {@code ETag} or {@code Last-Modified} and are not to
   * be cached ({@code no-store}): a validator of the file would not describe the bytes sent, and a
   * page reloaded after a rebuild must come fresh. Everything else is left to the {@link
   * ResourceHandler} (same base, same welcome file).
   */
  private static final class HtmlPages extends Handler.Abstract {
    private final ResourceHandler files;

    HtmlPages(ResourceHandler files) {
      this.files = files;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      boolean head = HttpMethod.HEAD.is(request.getMethod());
      if (!head && !HttpMethod.GET.is(request.getMethod())) {
        return false;
      }
      String path = Request.getPathInContext(request);
      String file = path.endsWith("/") ? path + "index.html" : path;
      String type = request.getContext().getMimeTypes().getMimeByExtension(file);
      if (type == null || !"text/html".equals(MimeTypes.getContentTypeWithoutCharset(type))) {
        return false;
      }
      Resource page = files.getBaseResource().resolve(file);
      // The files ResourceHandler would serve, resolved the same way (Jetty has already refused paths
      // that leave the base); anything else is left to it.
      if (page == null || !page.exists() || page.isDirectory()) {
        return false;
      }
      byte[] body;
      try {
        body = LiveReload.inject(Files.readAllBytes(page.getPath()));
      } catch (NoSuchFileException removedByARebuild) {
        return false; // since the check above: the handlers after this one answer (404)
      }
      response.setStatus(HttpStatus.OK_200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
      response.write(true, head ? null : ByteBuffer.wrap(body), callback);
      return true;
    }
  }

  /**
   * Answers 404 (the site's 404 page) for what is never served from the site directory: any path
   * with a segment that starts with '.' ({@code /.disclose-output}, {@code /.git/config}, {@code
   * /.env}), and any path that goes through a symbolic link inside the directory, to a file or to a
   * directory (a link planted there could publish any file the server can read). Jetty's {@link
   * ResourceHandler}, used without a context, makes no alias check of its own, so this one is made
   * here, one {@code lstat} per segment of the path. The site directory itself may be a link.
   */
  private static final class Refused extends Handler.Abstract {
    private final Path site;
    private final NotFound notFound;

    Refused(Path site, NotFound notFound) {
      this.site = site;
      this.notFound = notFound;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      String path = Request.getPathInContext(request);
      return refused(site, path) && notFound.handle(request, response, callback);
    }

    /** Whether {@code path} (decoded, as Jetty canonicalised it) is never to be served from {@code site}. */
    static boolean refused(Path site, String path) {
      Path at = site;
      for (String segment : path.split("/", -1)) {
        if (segment.isEmpty()) {
          continue;
        }
        if (segment.startsWith(".")) {
          return true;
        }
        at = at.resolve(segment);
        if (Files.isSymbolicLink(at)) {
          return true;
        }
      }
      // The welcome file of a directory is served for its path.
      return path.endsWith("/") && Files.isSymbolicLink(at.resolve("index.html"));
    }
  }

  /**
   * Answers 404 with the site's 404 page (with the live-reload script when {@code inject}): the
   * English one ({@code en/404.html}) for a path under {@code /en/}, the Azerbaijani one otherwise.
   */
  private static final class NotFound extends Handler.Abstract {
    /** The English pages' prefix (site.LanguageLinks), whose missing paths get {@code en/404.html}. */
    static final String ENGLISH = "/en/";
    private final Path site;
    private final boolean inject;

    NotFound(Path site, boolean inject) {
      this.site = site;
      this.inject = inject;
    }

    /** The 404 page for {@code path}: the English one under /en/ when the site has it. */
    Path page(String path) {
      if (path != null && (path.startsWith(ENGLISH) || path.equals("/en"))) {
        Path english = site.resolve("en").resolve("404.html");
        if (Files.isRegularFile(english, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          return english;
        }
      }
      return site.resolve("404.html");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      Path page = page(Request.getPathInContext(request));
      // Not through a link either.
      boolean html = Files.isRegularFile(page, java.nio.file.LinkOption.NOFOLLOW_LINKS);
      byte[] body = html ? Files.readAllBytes(page) : "404 Not Found".getBytes(StandardCharsets.UTF_8);
      if (html && inject) {
        body = LiveReload.inject(body);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
      }
      response.setStatus(HttpStatus.NOT_FOUND_404);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, html ? "text/html; charset=utf-8" : "text/plain; charset=utf-8");
      response.write(true, ByteBuffer.wrap(body), callback);
      return true;
    }
  }

  /**
   * A server with one HTTP connector on {@code host:port} and no handler yet, unstarted; it does not
   * announce its software or version in headers.
   */
  public static Server bare(String host, int port) {
    return bare(host, port, false);
  }

  /**
   * As {@link #bare(String, int)}; {@code behindProxy} takes the client's address from the
   * {@code X-Forwarded-For} header of a proxy on this machine ({@link TrustedProxies#DEFAULT}); see
   * {@link #trustProxies} for other proxies.
   */
  public static Server bare(String host, int port, boolean behindProxy) {
    Server server = new Server();
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    if (behindProxy) {
      http.addCustomizer(new TrustedProxies(TrustedProxies.DEFAULT, TrustedProxies.Header.X_FORWARDED_FOR));
    }
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    connector.setIdleTimeout(CONNECTION_IDLE_TIMEOUT.toMillis());
    server.addConnector(connector);
    server.setErrorHandler(new PlainErrors());
    return server;
  }

  /**
   * A connection that sends nothing (headers included) for this long is closed. A body's own time-outs
   * are the intake's ({@code IntakeLimits}); this one ends idle keep-alive connections and trickled
   * headers.
   */
  public static final java.time.Duration CONNECTION_IDLE_TIMEOUT = java.time.Duration.ofSeconds(30);

  /**
   * Makes the server's connectors take the client's address through {@code proxies} (replacing what
   * {@code behindProxy} set), or from the connection alone when {@code proxies} is null. Call it
   * before the server starts.
   */
  public static void trustProxies(Server server, TrustedProxies proxies) {
    for (org.eclipse.jetty.server.Connector c : server.getConnectors()) {
      HttpConnectionFactory factory = c.getConnectionFactory(HttpConnectionFactory.class);
      if (factory != null) {
        HttpConfiguration http = factory.getHttpConfiguration();
        List<HttpConfiguration.Customizer> kept = new java.util.ArrayList<>(http.getCustomizers());
        kept.removeIf(k -> k instanceof TrustedProxies || k instanceof ForwardedRequestCustomizer);
        if (proxies != null) {
          kept.add(proxies);
        }
        http.setCustomizers(kept);
      }
    }
  }

  /**
   * Jetty's own error answers (a bad request line, a failure outside the handlers): the status and
   * its reason in plain text, never an exception's message or class.
   */
  private static final class PlainErrors implements Request.Handler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      Object code = request.getAttribute(org.eclipse.jetty.server.handler.ErrorHandler.ERROR_STATUS);
      if (code instanceof Integer i && i >= 300 && i < 400) {
        // Jetty answers a conditional request ("304 Not Modified") through here too: no body, never a 500.
        response.setStatus(i);
        response.write(true, null, callback);
        return true;
      }
      int status = code instanceof Integer i && i >= 400 ? i
          : response.getStatus() >= 400 ? response.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR_500;
      byte[] body = (status + " " + HttpStatus.getMessage(status) + "\n").getBytes(StandardCharsets.US_ASCII);
      response.setStatus(status);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
      response.write(true, ByteBuffer.wrap(body), callback);
      return true;
    }
  }

  /** The port the started server listens on. */
  public static int port(Server server) {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }
}
