package az.disclose.cli;

import az.disclose.config.SettingsLoader;
import az.disclose.config.SiteSettings;
import az.disclose.content.ContentLoader;
import az.disclose.content.Page;
import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.InboxSettingsLoader;
import az.disclose.inbox.RecomputeReport;
import az.disclose.inbox.Register.RegisterException;
import az.disclose.inbox.mail.MailService;
import az.disclose.inbox.mail.MailSettings;
import az.disclose.inbox.web.IntakeHandler;
import az.disclose.inbox.web.IntakeLimits;
import az.disclose.inbox.web.IntakeServer;
import az.disclose.inbox.web.WebSettings;
import az.disclose.publish.PublicationLedger;
import az.disclose.render.Templates;
import az.disclose.serve.LiveReload;
import az.disclose.serve.SiteServer;
import az.disclose.serve.TrustedProxies;
import az.disclose.serve.Watcher;
import az.disclose.site.BuildReport;
import az.disclose.site.PageFrame;
import az.disclose.site.SiteBuilder;
import az.disclose.yaml.Problem;
import az.disclose.yaml.ProblemsException;
import az.disclose.inbox.store.Inbox;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Handler;
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
   * Changes closer together than this are one burst, built once (an editor's save is a few events
   * within a millisecond or two; a `git checkout` is many).
   */
  static final Duration WATCH_QUIET = Duration.ofMillis(20);

  /**
   * How often the request statistics are computed again from the register (about 40 ms for 10,000
   * requests; see docs/register.md), so that the site shows a change within this long.
   */
  static final Duration STATISTICS_EVERY = Duration.ofSeconds(10);

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
  @SuppressWarnings("try") // the mail service runs on its own threads; the try only closes it
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
    SiteSettings site;
    List<Page> pages;
    InboxSettings inboxSettings;
    MailSettings mailSettings;
    WebSettings webSettings;
    try {
      site = new SettingsLoader().load(options.content);
      pages = new ContentLoader(site.limits()).loadPublishablePages(options.content);
      Path settingsFile = config != null ? config
          : Files.isRegularFile(Path.of(InboxSettingsLoader.FILE_NAME)) ? Path.of(InboxSettingsLoader.FILE_NAME) : null;
      inboxSettings = InboxSettingsLoader.load(settingsFile, System.getenv());
      mailSettings = MailSettings.load(settingsFile, System.getenv());
      webSettings = WebSettings.load(settingsFile);
      if (trustedProxies != null && !trustedProxies.isEmpty()) {
        webSettings = new WebSettings(webSettings.limits(), trustedProxies, webSettings.forwardedHeader());
      }
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--trusted-proxy: " + e.getMessage());
    } catch (ProblemsException e) {
      e.problems().forEach(err::println);
      err.flush();
      return Main.PROBLEMS;
    }
    // The mail service (IMAP poller, SMTP outbox sender; each only when configured) closes before the inbox.
    try (Inbox inbox = Inbox.open(inboxSettings, options.content, Clock.systemUTC());
        MailService mail = MailService.start(inbox, mailSettings, Clock.systemUTC())) {
      // The statistics as the register stands now, before the watcher starts: built at once.
      if (publishStatistics(inbox, options.content, err)) {
        BuildCommand.build(siteBuilder, Set.of(options.content.resolve(ContentLoader.REQUEST_STATISTICS_FILE)), options, out, err);
      }
      LiveReload reload = liveReload ? new LiveReload() : null;
      Server server = siteWithInbox(host, port, behindProxy ? webSettings.proxies() : null, webSettings.limits(),
          inboxSettings.dataDirectory().resolve(IntakeServer.UPLOADS), options.out, options.theme, inbox, site, pages,
          reload, mail.configured() ? mail::status : null);
      server.start();
      out.printf("serving %s at http://%s:%d/ with the request inbox at /requests (database %s); Ctrl+C to stop%n",
          options.out, host, SiteServer.port(server), inboxSettings.databaseUrl());
      out.printf("watching %s and %s for changes%n", options.content, options.theme);
      out.flush();
      formMissesThisServer(site.requestEndpoint(), SiteServer.port(server), options.content.resolve(SettingsLoader.FILE_NAME))
          .ifPresent(warning -> {
            err.println(warning);
            err.flush();
          });
      Path holidays = inbox.holidays();
      long[] holidayStamp = {stamp(holidays)};
      // Every build runs on this one thread: a change and the schedule never build at once. The
      // watcher adds what changed to `pending`; the build takes all of it (a burst that arrives
      // while a build runs is taken by the next one).
      ScheduledExecutorService builder = Executors.newSingleThreadScheduledExecutor();
      Set<Path> pending = ConcurrentHashMap.newKeySet();
      Consumer<Set<Path>> build = changed -> {
        BuildReport report = BuildCommand.build(siteBuilder, changed, options, out, err).report();
        if (reload != null && report != null) {
          // Open pages that the build rewrote or removed, or whose stylesheet it rewrote, reload.
          reload.changed(Stream.concat(report.written().stream(), report.removed().stream()).toList());
        }
        long now = stamp(holidays);
        if (now != holidayStamp[0]) {
          holidayStamp[0] = now;
          reloadHolidays(inbox, out, err);
        }
      };
      Runnable buildChanges = () -> {
        Set<Path> taken = new HashSet<>();
        for (Path p : List.copyOf(pending)) {
          if (pending.remove(p)) {
            taken.add(p);
          }
        }
        if (!taken.isEmpty()) { // else an earlier build took these changes
          build.accept(taken);
        }
      };
      // The schedule does not know what changed (null): the builder checks everything.
      builder.scheduleWithFixedDelay(loudly("the scheduled rebuild", () -> build.accept(null), err), rebuildEvery, rebuildEvery,
          TimeUnit.MINUTES);
      // The inbox's published statistics, from the register as it stands (the web form, the mail
      // poller and the officers' commands in other processes all change it): the file is rewritten
      // only when its bytes change, and the watcher then rebuilds the statistics page.
      // On a thread of its own, so that an edit's build never waits for it.
      ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
      publisher.scheduleWithFixedDelay(loudly("publishing the statistics", () -> publishStatistics(inbox, options.content, err), err),
          STATISTICS_EVERY.toSeconds(),
          STATISTICS_EVERY.toSeconds(), TimeUnit.SECONDS);
      try {
        // The build writes the publication ledger itself: that is not a change to rebuild for.
        new Watcher(List.of(options.content, options.theme), WATCH_QUIET, changed -> {
              pending.addAll(changed);
              builder.execute(loudly("the rebuild", buildChanges, err));
            },
            Set.of(options.content.resolve(PublicationLedger.FILE))).run();
      } finally {
        publisher.shutdownNow();
        builder.shutdownNow();
        server.stop();
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
   * One Jetty server, unstarted: the inbox's paths first, the built site for every other path;
   * {@code liveReload} (null: none) pushes reloads to the site's open pages.
   */
  static Server siteWithInbox(String host, int port, TrustedProxies proxies, IntakeLimits limits, Path uploads,
      Path siteDir, Path themeDir, Inbox inbox, SiteSettings site, List<Page> pages, LiveReload liveReload)
      throws IOException {
    return siteWithInbox(host, port, proxies, limits, uploads, siteDir, themeDir, inbox, site, pages, liveReload, null);
  }

  /** As above; {@code mailStatus} (null: no mail configured) is shown by {@code /healthz}. */
  static Server siteWithInbox(String host, int port, TrustedProxies proxies, IntakeLimits limits, Path uploads,
      Path siteDir, Path themeDir, Inbox inbox, SiteSettings site, List<Page> pages, LiveReload liveReload,
      java.util.function.Supplier<Map<String, Object>> mailStatus) throws IOException {
    Map<String, PageFrame> frames = IntakeServer.frames(themeDir, site, pages);
    Templates templates = new Templates(themeDir.resolve("templates"), site.locale());
    IntakeHandler intake = IntakeServer.handler(inbox.register(), frames.get(site.locale().getLanguage()), frames,
        templates, Clock.systemUTC(), limits, uploads);
    if (mailStatus != null) {
      intake.reportMailStatus(mailStatus);
    }
    Server server = SiteServer.create(host, port, siteDir, false, liveReload);
    SiteServer.trustProxies(server, proxies);
    server.setHandler(new Handler.Sequence(intake, server.getHandler()));
    return server;
  }

  /**
   * {@code task}, reporting an unexpected failure (an exception, or an {@link Error}) loudly at ERROR
   * instead of letting it end the schedule it runs on without a word (a scheduled task that throws
   * is never run again).
   */
  static Runnable loudly(String what, Runnable task, PrintWriter err) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException | Error e) {
        // An Error too (out of memory, a stack overflow): the executor would keep it without a word.
        err.flush();
        org.slf4j.LoggerFactory.getLogger(ServeCommand.class).error("!!! {} failed unexpectedly with {}; it runs again on the next "
            + "change or schedule. If it fails again, see the stack trace below and docs/operations.md.", what, e.toString(), e);
      }
    };
  }

  /** Writes the inbox's statistics for the site; returns whether the file changed. */
  private static boolean publishStatistics(Inbox inbox, Path contentDir, PrintWriter err) {
    try {
      return inbox.publishStatistics(contentDir);
    } catch (RegisterException | IOException e) {
      err.println("!!! the request statistics could not be published (the site shows the previous ones): " + e.getMessage());
      err.flush();
      return false;
    }
  }

  private static void reloadHolidays(Inbox inbox, PrintWriter out, PrintWriter err) {
    try {
      RecomputeReport report = inbox.reloadHolidays();
      out.printf("holiday data changed: %d open requests checked, %d due dates changed%n", report.checked(), report.changed().size());
    } catch (ProblemsException e) {
      for (Problem p : e.problems()) {
        err.println(p);
      }
      err.println("holiday data not reloaded: fix the problems above; the previous calendar stays in use");
    } catch (RegisterException e) {
      err.println("holiday data changed but due dates could not be recomputed: " + e.getMessage());
    }
    out.flush();
    err.flush();
  }

  /** A stamp of the holiday files (newest modification time and count), to notice a change. */
  private static long stamp(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.mapToLong(f -> {
        try {
          return Files.getLastModifiedTime(f).to(TimeUnit.NANOSECONDS) + 1;
        } catch (IOException e) {
          return 0;
        }
      }).reduce(17, (a, b) -> 31 * a + b);
    } catch (IOException e) {
      return 0;
    }
  }
}
