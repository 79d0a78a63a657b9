package az.disclose.serve;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
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
    Server server = bare(host, port, behindProxy);

    ResourceHandler files = new ResourceHandler();
    files.setBaseResource(ResourceFactory.of(server).newResource(siteDir.toAbsolutePath()));
    files.setDirAllowed(false);
    files.setWelcomeFiles(List.of("index.html"));
    files.setUseFileMapping(false);
    server.setHandler(new Handler.Sequence(files, new NotFound(siteDir.toAbsolutePath().resolve("404.html"))));
    return server;
  }

  /** Answers 404 with the site's 404 page. */
  private static final class NotFound extends Handler.Abstract {
    private final Path page;

    NotFound(Path page) {
      this.page = page;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      byte[] body = Files.exists(page) ? Files.readAllBytes(page) : "404 Not Found".getBytes(StandardCharsets.UTF_8);
      response.setStatus(HttpStatus.NOT_FOUND_404);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, Files.exists(page) ? "text/html; charset=utf-8" : "text/plain; charset=utf-8");
      response.write(true, java.nio.ByteBuffer.wrap(body), callback);
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

  /** As {@link #bare(String, int)}; {@code behindProxy} trusts the proxy's forwarding headers. */
  public static Server bare(String host, int port, boolean behindProxy) {
    Server server = new Server();
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    if (behindProxy) {
      http.addCustomizer(new ForwardedRequestCustomizer());
    }
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    return server;
  }

  /** The port the started server listens on. */
  public static int port(Server server) {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }
}
