package az.disclose.inbox.web;

import az.disclose.config.SettingsLoader;
import az.disclose.config.SiteSettings;
import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.store.Inbox;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.eclipse.jetty.server.Server;

/**
 * A standalone intake on the embedded defaults (SQLite in {@code --data}, durable commits), for the
 * crash test and the load benchmark, which start it in a JVM of its own:
 *
 * <pre>java -cp CLASSPATH az.disclose.inbox.web.IntakeMain --data DIR [--port N] [--host H]
 *     [--content content] [--theme theme] [--no-rate-limit] [--no-daily-budget]
 *     [--uploads-per-address N]</pre>
 *
 * Prints {@code LISTENING <port>} on standard output once it accepts connections.
 */
public final class IntakeMain {
  private IntakeMain() {}

  public static void main(String[] args) throws Exception {
    Path data = null;
    Path content = Path.of("content");
    Path theme = Path.of("theme");
    String host = "127.0.0.1";
    int port = 0;
    IntakeLimits limits = IntakeLimits.defaults();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[++i]);
        case "--content" -> content = Path.of(args[++i]);
        case "--theme" -> theme = Path.of(args[++i]);
        case "--host" -> host = args[++i];
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--no-rate-limit" -> limits = limits.withoutRateLimit();
        case "--no-daily-budget" -> limits = limits.withDailyBytes(0);
        case "--uploads-per-address" -> limits = limits.withUploads(limits.maxUploads(), Integer.parseInt(args[++i]));
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (data == null) {
      throw new IllegalArgumentException("--data DIR is required");
    }
    SiteSettings settings = new SettingsLoader().load(content);
    SiteFrames frames = SiteFrames.load(theme, settings, List.of());
    Clock clock = Clock.systemUTC();
    Inbox inbox = Inbox.open(InboxSettings.defaults(data), content, clock);
    Server server = IntakeServer.create(host, port, inbox.register(), frames, clock, limits, data.resolve("uploads"));
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.stop();
      } catch (Exception e) {
        // exiting anyway
      }
      inbox.close();
    }));
    System.out.println("LISTENING " + IntakeServer.port(server));
    System.out.flush();
    server.join();
  }
}
