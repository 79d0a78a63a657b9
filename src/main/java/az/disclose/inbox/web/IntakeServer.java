package az.disclose.inbox.web;

import az.disclose.inbox.Register;
import az.disclose.serve.SiteServer;
import java.nio.file.Path;
import java.time.Clock;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;

/**
 * Builds the web intake as a Jetty 12 server, unstarted (the caller starts and stops it; port 0
 * picks a free port). To run it inside another server (the site's), use {@link #handler} and put
 * it in front of the site's handlers: it answers only {@code /requests...} and {@code /healthz}.
 */
public final class IntakeServer {
  private IntakeServer() {}

  /** The directory under the inbox's data directory where bodies are received before they are decoded. */
  public static final String UPLOADS = "uploads";

  /**
   * A server answering the intake's paths, and the themed 404 page for every other path, receiving
   * bodies in {@code uploads} (see {@link #UPLOADS}).
   */
  public static Server create(String host, int port, Register register, SiteFrames frames, Clock clock,
      IntakeLimits limits, Path uploads) {
    Server server = SiteServer.bare(host, port);
    IntakeHandler intake = handler(register, frames, clock, limits, uploads);
    server.setHandler(new Handler.Sequence(intake, new Handler.Abstract(InvocationType.BLOCKING) {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        intake.notFound(request, response, callback);
        return true;
      }
    }));
    return server;
  }

  /**
   * The intake as a handler, to combine with other handlers in one server, with the site's look in
   * {@code frames} (the pages follow its updates), receiving bodies in {@code uploads}.
   */
  public static IntakeHandler handler(Register register, SiteFrames frames, Clock clock, IntakeLimits limits,
      Path uploads) {
    return new IntakeHandler(register, frames, clock, limits, uploads);
  }

  /** The port the started server listens on. */
  public static int port(Server server) {
    return SiteServer.port(server);
  }
}
