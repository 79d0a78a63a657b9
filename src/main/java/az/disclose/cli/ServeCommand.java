package az.disclose.cli;

import az.disclose.app.App;
import az.disclose.app.Configuration;
import az.disclose.config.SettingsLoader;
import az.disclose.config.SiteSettings;
import az.disclose.content.Page;
import az.disclose.inbox.store.Inbox;
import az.disclose.inbox.Register.RegisterException;
import az.disclose.inbox.web.IntakeLimits;
import az.disclose.inbox.web.SiteFrames;
import az.disclose.serve.LiveReload;
import az.disclose.serve.TrustedProxies;
import az.disclose.site.SiteBuilder;
import az.disclose.yaml.ProblemsException;
import az.disclose.inbox.store.Inbox;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eclipse.jetty.server.Server;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {
      "Build the site, serve it with the request inbox on one port, and rebuild whenever content/ or theme/ change.",
      "The site's request form posts to /requests on this server; requests are registered in the database of the",
      "inbox settings (disclose.yaml when present, else SQLite under ./data)."})
final class ServeCommand implements Callable<Integer> {
  @Mixin SiteOptions options;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one)")
  int port;

  @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
  String host;

  @Option(names = "--behind-proxy",
      description = "take the client's address from the reverse proxy's forwarding header (X-Forwarded-For by"
          + " default; web.forwarded_header) for the per-address limits and the stored sender address, believed"
          + " only on connections from the trusted proxies (--trusted-proxy; default web.trusted_proxies, else"
          + " loopback)")
  boolean behindProxy;

  @Option(names = "--trusted-proxy", paramLabel = "ADDRESS[/BITS]",
      description = "with --behind-proxy: an address or CIDR block of a reverse proxy whose forwarding header is"
          + " believed (repeatable; replaces web.trusted_proxies of the settings)")
  List<String> trustedProxies;

  @Option(names = "--rebuild-every", paramLabel = "MINUTES", defaultValue = "60",
      description = "also rebuild on this schedule, so that items dated in the future appear on their day (default: ${DEFAULT-VALUE})")
  int rebuildEvery;

  @Option(names = "--live-reload", negatable = true, defaultValue = "false", fallbackValue = "true",
      description = "reload open browser pages when a rebuild changes them (for previewing on your own machine;"
          + " off unless given, and --no-live-reload says so: the pages then carry no live-reload script)")
  boolean liveReload;

  @Option(names = "--config", paramLabel = "FILE", description = "inbox settings (default: ./disclose.yaml when present, else the embedded defaults)")
  Path config;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * A warning when the site's request form posts to this machine, but on another port than the
   * one this server listens on (a preview with {@code --port} and the default endpoint): what the
   * form sends would not reach this inbox. Names the setting and what to do. Only literal loopback
   * addresses and {@code localhost} count (no name is looked up); a public address is the web
   * server's, which proxies to this one.
   */
  static Optional<String> formMissesThisServer(URI endpoint, int port, Path settingsFile) {
    String host = endpoint == null ? null : endpoint.getHost();
    if (host == null || !(host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
      return Optional.empty();
    }
    int endpointPort = endpoint.getPort() != -1 ? endpoint.getPort() : "https".equalsIgnoreCase(endpoint.getScheme()) ? 443 : 80;
    if (endpointPort == port) {
      return Optional.empty();
    }
    return Optional.of("!!! " + settingsFile + ": the request form posts to request_endpoint " + endpoint
        + ", but this server listens on port " + port + ", so requests sent from the form will not reach it. "
        + "To try the form here, set request_endpoint to http://127.0.0.1:" + port + endpoint.getRawPath()
        + " or serve with --port " + endpointPort + ".");
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (trustedProxies != null && !trustedProxies.isEmpty() && !behindProxy) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--trusted-proxy only means something with --behind-proxy: add --behind-proxy, or drop --trusted-proxy");
    }
    if (rebuildEvery < 1 || rebuildEvery > 24 * 60) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--rebuild-every must be 1 to 1440 minutes (at least daily, so that nothing is late), not " + rebuildEvery);
    }
    // One builder for the life of the server: it keeps what its last build loaded, so that an edit
    // to a news file is read, rendered and written alone (see SiteBuilder#rebuild).
    SiteBuilder siteBuilder = new SiteBuilder(options.content, options.theme, options.out);
    int first = BuildCommand.build(siteBuilder, null, options, out, err).code();
    if (first != Main.OK) {
      err.println("disclose serve: the site must build before it can be served; fix the problems above");
      err.flush();
      return first;
    }
    Configuration config;
    try {
      config = Configuration.resolve(options.content, options.theme, options.out, this.config, System.getenv());
      if (trustedProxies != null && !trustedProxies.isEmpty()) {
        config = config.withTrustedProxies(trustedProxies);
      }
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--trusted-proxy: " + e.getMessage());
    } catch (ProblemsException e) {
      e.problems().forEach(err::println);
      err.flush();
      return Main.PROBLEMS;
    }
    App.Options how = new App.Options(host, port, behindProxy, Duration.ofMinutes(rebuildEvery), liveReload);
    try (App app = App.start(config, how, changed -> BuildCommand.build(siteBuilder, changed, options, out, err).result(),
        out, err)) {
      out.printf("serving %s at http://%s:%d/ with the request inbox at /requests (database %s); Ctrl+C to stop%n",
          options.out, host, app.port(), app.databaseUrl());
      out.printf("the officers' console at http://%s:%d/console/%n",
          config.console().ownListener() ? config.console().bind() : host, app.consolePort());
      out.printf("watching %s and %s for changes%n", options.content, options.theme);
      out.flush();
      SiteSettings site = new SettingsLoader().load(options.content);
      formMissesThisServer(site.requestEndpoint(), app.port(), options.content.resolve(SettingsLoader.FILE_NAME))
          .ifPresent(warning -> {
            err.println(warning);
            err.flush();
          });
      java.util.concurrent.ScheduledExecutorService reminders = remindUnits(app, config, err);
      try {
        app.awaitStop();
      } finally {
        if (reminders != null) {
          reminders.shutdownNow();
        }
      }
    } catch (RegisterException e) {
      err.println("disclose serve: the request register cannot be opened: " + e.getMessage());
      err.flush();
      return Main.FAILURE;
    } catch (ProblemsException e) {
      e.problems().forEach(err::println);
      err.flush();
      return Main.PROBLEMS;
    }
    return Main.OK;
  }

  /**
   * The units' report reminders (docs/reports.md): checked at start and every {@link
   * UnitReminding#CHECK_EVERY} when mail can be sent; null when it cannot (said once).
   */
  private static java.util.concurrent.ScheduledExecutorService remindUnits(App app, Configuration config,
      PrintWriter err) {
    if (config.mail().smtp().isEmpty()) {
      return null; // MailService already said that no mail goes out
    }
    var executor = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "disclose-unit-reminders");
      t.setDaemon(true);
      return t;
    });
    java.time.Clock clock = java.time.Clock.systemUTC();
    executor.scheduleWithFixedDelay(App.loudly("units' report reminders", () -> {
      try {
        UnitReminding.Result r = UnitReminding.run(app.inbox(), config.mail(), config.content(),
            java.time.LocalDate.now(clock.withZone(config.inbox().zone())), clock);
        r.noAddress().forEach(u -> err.printf("units' reminders: unit '%s' has no email in data/units.yaml%n", u));
        err.flush();
      } catch (ProblemsException e) {
        e.problems().forEach(err::println);
        err.flush();
      } catch (az.disclose.inbox.StoreException e) {
        throw new IllegalStateException("the reminders could not be queued: " + e.getMessage(), e);
      }
    }, err), 0, UnitReminding.CHECK_EVERY.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    return executor;
  }

  /**
   * One Jetty server, unstarted: the inbox's paths first, the built site for every other path;
   * {@code liveReload} (null: none) pushes reloads to the site's open pages (see {@link App#siteWithInbox}).
   */
  static Server siteWithInbox(String host, int port, TrustedProxies proxies, IntakeLimits limits, Path uploads,
      Path siteDir, Path themeDir, Inbox inbox, SiteSettings site, List<Page> pages, LiveReload liveReload)
      throws IOException {
    return App.siteWithInbox(host, port, proxies, limits, uploads, siteDir, inbox, SiteFrames.load(themeDir, site, pages),
        liveReload, null);
  }
}
