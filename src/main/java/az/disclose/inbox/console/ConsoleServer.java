package az.disclose.inbox.console;

import az.disclose.serve.SiteServer;
import az.disclose.serve.TrustedProxies;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

/**
 * The console on a listener of its own ({@code console.port}, {@code console.bind}): only the console
 * is served there, under {@link Console#PATH}; {@code /} leads to it and any other path is 404. Built
 * unstarted; the caller starts and stops it.
 */
public final class ConsoleServer {
  private ConsoleServer() {}

  /**
   * @param proxies whose forwarding header gives the client's address (null: the connection's)
   */
  public static Server create(String host, int port, Console console, TrustedProxies proxies) {
    Server server = SiteServer.bare(host, port);
    SiteServer.trustProxies(server, proxies);
    server.setHandler(new Handler.Sequence(console.handler(), new Handler.Abstract.NonBlocking() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        byte[] body = "404 Not Found\n".getBytes(StandardCharsets.US_ASCII);
        if (path.equals("/")) {
          response.setStatus(303);
          response.getHeaders().put(HttpHeader.LOCATION, Console.PATH + "/");
          body = new byte[0];
        } else {
          response.setStatus(404);
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
      }
    }));
    return server;
  }
}
