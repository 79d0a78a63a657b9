package az.disclose.app;

import az.disclose.config.SettingsLoader;
import az.disclose.config.SiteSettings;
import az.disclose.content.ContentLoader;
import az.disclose.content.Page;
import az.disclose.inbox.store.Inbox;
import az.disclose.inbox.RecomputeReport;
import az.disclose.inbox.Register.RegisterException;
import az.disclose.inbox.accounts.Accounts;
import az.disclose.inbox.accounts.Sessions;
import az.disclose.inbox.console.Console;
import az.disclose.inbox.console.ConsoleServer;
import az.disclose.inbox.console.MailDelivery;
import az.disclose.inbox.console.RequestAccess;
import az.disclose.inbox.mail.MailService;
import az.disclose.inbox.mail.MailStore;
import az.disclose.inbox.mail.Quarantine;
import az.disclose.inbox.web.IntakeHandler;
import az.disclose.inbox.web.IntakeLimits;
import az.disclose.inbox.web.IntakeServer;
import az.disclose.inbox.web.SiteFrames;
import az.disclose.publish.PublicationLedger;
import az.disclose.serve.LiveReload;
import az.disclose.serve.SiteServer;
import az.disclose.serve.TrustedProxies;
import az.disclose.serve.Watcher;
import az.disclose.site.BuildReport;
import az.disclose.yaml.Problem;
import az.disclose.yaml.ProblemsException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.slf4j.LoggerFactory;

/**
 * The running program of {@code disclose serve}: the register, the mail service, one Jetty server with
 * the inbox in front of the built site, the builder thread (changes and the schedule), the statistics
 * publisher and the watcher of {@code content/} and {@code theme/}. {@link #start} wires and starts
 * them from one {@link Configuration}; {@link #close} stops them in reverse order. The front end that
 * starts it parses the command line and reports; building the site and reporting the build are its
 * {@link Builds}.
 */
public final class App implements AutoCloseable {
  /**
   * Changes closer together than this are one burst, built once (an editor's save is a few events
   * within a millisecond or two; a `git checkout` is many).
   */
  public static final Duration WATCH_QUIET = Duration.ofMillis(20);

  /**
   * How often the request statistics are computed again from the register (about 40 ms for 10,000
   * requests; see docs/register.md), so that the site shows a change within this long.
   */
  public static final Duration STATISTICS_EVERY = Duration.ofSeconds(10);

  /** A site build: {@code changed} the files that changed (null: check everything). */
  @FunctionalInterface
  public interface Builds {
    Result build(Set<Path> changed);
  }

  /**
   * How a build ended: its report when it succeeded, else the problems it found ({@code
   * file:line: message} each, as the terminal shows them), which live reload shows on open pages.
   */
  public record Result(BuildReport report, List<String> problems) {
    public Result {
      problems = List.copyOf(problems);
    }

    public static Result ok(BuildReport report) {
      return new Result(Objects.requireNonNull(report), List.of());
    }

    public static Result failed(List<String> problems) {
      return new Result(null, problems);
    }
  }

  /**
   * How the server runs.
   *
   * @param host the address to listen on
   * @param port the port (0 picks a free one)
   * @param behindProxy take the client's address from the trusted proxies' forwarding header
   * @param rebuildEvery the schedule of full rebuilds (items dated in the future appear on their day)
   * @param liveReload push reloads to open pages when a build changes them
   */
  public record Options(String host, int port, boolean behindProxy, Duration rebuildEvery, boolean liveReload) {}

  private final Configuration config;
  private final Inbox inbox;
  private final MailService mail;
  private final SiteFrames frames;
  private final Server server;
  /** The console's listener of its own (console.port), or null when it is under /console/ of {@link #server}. */
  private Server consoleServer;
  private final ScheduledExecutorService builder = Executors.newSingleThreadScheduledExecutor();
  private final ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
  private final PrintWriter out;
  private final PrintWriter err;
  /** The units of data/units.yaml, read at start and after every build when the file changed. */
  private final UnitsFile units;
  private volatile long holidayStamp;

  private App(Configuration config, Inbox inbox, MailService mail, SiteFrames frames, Server server, PrintWriter out,
      PrintWriter err) {
    this.config = config;
    this.inbox = inbox;
    this.mail = mail;
    this.frames = frames;
    this.server = server;
    this.out = out;
    this.err = err;
    this.units = new UnitsFile(config.content(), inbox.register(), out, err);
  }

  /**
   * Opens the register and the mail service, publishes the statistics (building the site again when
   * they changed), starts the server and then the schedules and the watcher. The site must have been
   * built once. On a failure what was started is stopped again.
   *
   * @param builds builds the site and reports the build (on the builder thread only)
   * @param out where the inbox's notices go (holiday data reloaded)
   * @param err where failures of the background work go
   */
  public static App start(Configuration config, Options options, Builds builds, PrintWriter out, PrintWriter err)
      throws Exception {
    SiteSettings site = new SettingsLoader().load(config.content());
    List<Page> pages = new ContentLoader(site.limits()).loadPublishablePages(config.content());
    Inbox inbox = Inbox.open(config.inbox(), config.content(), Clock.systemUTC());
    MailService mail = null;
    Server server = null;
    try {
      mail = MailService.start(inbox, config.mail(), Clock.systemUTC());
      // The statistics as the register stands now, before the watcher starts: built at once.
      if (publishStatistics(inbox, config.content(), err)) {
        builds.build(Set.of(config.content().resolve(ContentLoader.REQUEST_STATISTICS_FILE)));
      }
      LiveReload reload = options.liveReload() ? new LiveReload() : null;
      SiteFrames frames = SiteFrames.load(config.theme(), site, pages);
      server = siteWithInbox(options.host(), options.port(), options.behindProxy() ? config.web().proxies() : null,
          config.web().limits(), config.inbox().dataDirectory().resolve(IntakeServer.UPLOADS), config.out(), inbox,
          frames, reload, mail.configured() ? mail::status : null);
      Console console = console(config, inbox, mail, Clock.systemUTC());
      Server consoleServer = null;
      if (config.console().ownListener()) {
        consoleServer = ConsoleServer.create(config.console().bind(), config.console().port().getAsInt(), console,
            options.behindProxy() ? config.web().proxies() : null);
      } else {
        server.setHandler(new Handler.Sequence(console.handler(), server.getHandler()));
      }
      server.start();
      if (consoleServer != null) {
        try {
          consoleServer.start();
        } catch (Exception | Error e) {
          consoleServer.stop();
          throw e;
        }
      }
      App app = new App(config, inbox, mail, frames, server, out, err);
      app.consoleServer = consoleServer;
      app.units.check();
      app.run(options, builds, reload);
      return app;
    } catch (Exception | Error e) {
      if (server != null) {
        server.stop();
      }
      if (mail != null) {
        mail.close();
      }
      inbox.close();
      throw e;
    }
  }

  /**
   * One Jetty server, unstarted: the inbox's paths first, the built site for every other path;
   * {@code liveReload} (null: none) pushes reloads to the site's open pages; {@code mailStatus} (null:
   * no mail configured) is shown by {@code /healthz}. The inbox's pages wear {@code frames}.
   */
  public static Server siteWithInbox(String host, int port, TrustedProxies proxies, IntakeLimits limits, Path uploads,
      Path siteDir, Inbox inbox, SiteFrames frames, LiveReload liveReload, Supplier<Map<String, Object>> mailStatus) {
    IntakeHandler intake = IntakeServer.handler(inbox.register(), frames, Clock.systemUTC(), limits, uploads);
    if (mailStatus != null) {
      intake.reportMailStatus(mailStatus);
    }
    Server server = SiteServer.create(host, port, siteDir, false, liveReload);
    SiteServer.trustProxies(server, proxies);
    server.setHandler(new Handler.Sequence(intake, server.getHandler()));
    return server;
  }

  /**
   * The officers' console on the register, its accounts and the mail side: the quarantine, and the
   * outbox's word on an action's mail. Warns loudly when its cookies are not {@code Secure}.
   */
  public static Console console(Configuration config, Inbox inbox, MailService mail, Clock clock) {
    if (!config.console().secureCookies()) {
      LoggerFactory.getLogger(App.class).warn("!!! CONSOLE COOKIES ARE NOT SECURE (console.secure_cookies: false):"
          + " session cookies travel over plain HTTP. Use this only for development on this machine; behind HTTPS"
          + " remove the setting.");
    }
    Accounts accounts = Accounts.standard(inbox.store(), clock);
    MailDelivery delivery = mail.sender().isEmpty() ? MailDelivery.OFF : (number, eventId) -> delivery(mail.store(),
        number, eventId);
    return new Console(inbox.register(), accounts, new Sessions(accounts),
        java.util.Optional.of(new Quarantine(inbox.register(), mail.store(), clock)), delivery,
        RequestAccess.BY_UNIT, config.console(), clock);
  }

  /** Whether the outbox holds mail of the event, and whether it left. */
  static MailDelivery.State delivery(MailStore store, String number, long eventId) {
    try {
      for (MailStore.OutboxEntry e : store.outbox(number)) {
        if (e.historyId() == eventId) {
          return e.status().equals("sent") ? MailDelivery.State.SENT : MailDelivery.State.QUEUED;
        }
      }
      return MailDelivery.State.NONE;
    } catch (az.disclose.inbox.StoreException e) {
      LoggerFactory.getLogger(App.class).error("the outbox of {} cannot be read: {}", number, e.getMessage());
      return MailDelivery.State.QUEUED;
    }
  }

  /** The port of the console's own listener (console.port), or the main server's. */
  public int consolePort() {
    return consoleServer != null ? SiteServer.port(consoleServer) : port();
  }

  /** Watches content/ and theme/ once started; ends when the process stops or the watching fails. */
  private Thread watcherThread;
  /** Why the watcher ended, when it failed. */
  private volatile Exception watchFailure;

  private void run(Options options, Builds builds, LiveReload reload) {
    Path holidays = inbox.holidays();
    holidayStamp = stamp(holidays);
    // Every build runs on the builder thread: a change and the schedule never build at once. The
    // watcher adds what changed to `pending`; the build takes all of it (a burst that arrives while a
    // build runs is taken by the next one).
    Set<Path> pending = ConcurrentHashMap.newKeySet();
    java.util.function.Consumer<Set<Path>> build = changed -> {
      units.check(); // first: a build that fails or throws never keeps a new unit out
      Result result = builds.build(changed);
      BuildReport report = result.report();
      if (report == null && reload != null) {
        // Every open page shows the problems until a build succeeds (the terminal has them already).
        reload.failed(result.problems());
      }
      if (report != null) {
        if (reload != null) {
          reload.succeeded(report.heldBack());
          // Open pages that the build rewrote or removed, or whose stylesheet it rewrote, reload.
          reload.changed(Stream.concat(report.written().stream(), report.removed().stream()).toList());
        }
        followTheSite();
      }
      long now = stamp(holidays);
      if (now != holidayStamp) {
        holidayStamp = now;
        reloadHolidays();
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
    long every = options.rebuildEvery().toMinutes();
    // The schedule does not know what changed (null): the builder checks everything.
    builder.scheduleWithFixedDelay(loudly("the scheduled rebuild", () -> build.accept(null), err), every, every,
        TimeUnit.MINUTES);
    // The inbox's published statistics, from the register as it stands (the web form, the mail poller
    // and the officers' commands in other processes all change it): the file is rewritten only when its
    // bytes change, and the watcher then rebuilds the statistics page. On a thread of its own, so that
    // an edit's build never waits for it.
    publisher.scheduleWithFixedDelay(loudly("publishing the statistics",
        () -> publishStatistics(inbox, config.content(), err), err),
        STATISTICS_EVERY.toSeconds(), STATISTICS_EVERY.toSeconds(), TimeUnit.SECONDS);
    // The build writes the publication ledger itself: that is not a change to rebuild for.
    Watcher w = new Watcher(List.of(config.content(), config.theme()), WATCH_QUIET, changed -> {
          pending.addAll(changed);
          builder.execute(loudly("the rebuild", buildChanges, err));
        },
        Set.of(config.content().resolve(PublicationLedger.FILE)));
    watcherThread = new Thread(() -> {
      try {
        w.run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException | RuntimeException e) {
        watchFailure = e;
      }
    }, "watcher");
    watcherThread.setDaemon(true);
    watcherThread.start();
  }

  /**
   * The inbox's pages follow the site as just built: its settings ({@code site.yaml}), pages (the
   * navigation), messages and templates. When the site cannot be read the build has said why, and
   * the inbox keeps the look it had.
   */
  private void followTheSite() {
    try {
      SiteSettings site = new SettingsLoader().load(config.content());
      frames.update(config.theme(), site, new ContentLoader(site.limits()).loadPublishablePages(config.content()));
    } catch (ProblemsException | IOException | RuntimeException e) {
      LoggerFactory.getLogger(App.class).warn("the inbox's pages keep the previous look of the site: {}", e.toString());
    }
  }

  /** The port the server listens on. */
  /** The open register (for work the command line composes on it, such as the units' reminders). */
  public Inbox inbox() {
    return inbox;
  }

  public int port() {
    return SiteServer.port(server);
  }

  /** The register's database, as the settings name it. */
  public String databaseUrl() {
    return config.inbox().databaseUrl();
  }

  /**
   * Waits until the watcher ends: it watches until the process is stopped, or it fails, which is
   * thrown here.
   */
  public void awaitStop() throws Exception {
    watcherThread.join();
    Exception failure = watchFailure;
    if (failure != null) {
      throw failure;
    }
  }

  /** Stops the watcher, the schedules and the server, then closes the mail service and the register. */
  @Override
  public void close() throws Exception {
    watcherThread.interrupt();
    publisher.shutdownNow();
    builder.shutdownNow();
    try {
      if (consoleServer != null) {
        consoleServer.stop();
      }
      server.stop();
    } finally {
      try {
        mail.close();
      } finally {
        inbox.close();
      }
    }
  }

  /**
   * {@code task}, reporting an unexpected failure (an exception, or an {@link Error}) loudly at ERROR
   * instead of letting it end the schedule it runs on without a word (a scheduled task that throws is
   * never run again).
   */
  public static Runnable loudly(String what, Runnable task, PrintWriter err) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException | Error e) {
        // An Error too (out of memory, a stack overflow): the executor would keep it without a word.
        err.flush();
        LoggerFactory.getLogger(App.class).error("!!! {} failed unexpectedly with {}; it runs again on the next "
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

  private void reloadHolidays() {
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
