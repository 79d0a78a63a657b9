package az.disclose.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL for tests: the server named by {@code DISCLOSE_TEST_PG_URL} when that is set
 * (a JDBC URL with user and password parameters, whose user may create schemas), otherwise a
 * throwaway server started once per JVM from the Debian binaries ({@code
 * /usr/lib/postgresql/<version>/bin/initdb} and {@code pg_ctl}) in a temporary directory on a free
 * loopback port, as the {@code postgres} user when running as root. It is stopped and deleted when
 * the JVM exits. Without the binaries the tests fail (never skip): install them with {@code
 * apt-get install postgresql}.
 *
 * <p>Every test gets its own schema: {@link #freshUrl()}.
 */
public final class PostgresServer {
  public static final String URL_ENV = "DISCLOSE_TEST_PG_URL";
  private static final Path BINARIES = Path.of("/usr/lib/postgresql");
  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static PostgresServer shared;

  private final String adminUrl;
  private final Path directory;
  private final Path pgCtl;
  private final boolean asPostgresUser;
  private List<String> startCommand = List.of();

  private PostgresServer(String adminUrl, Path directory, Path pgCtl, boolean asPostgresUser) {
    this.adminUrl = adminUrl;
    this.directory = directory;
    this.pgCtl = pgCtl;
    this.asPostgresUser = asPostgresUser;
  }

  /**
   * A throwaway server of its own (never the shared one, nor {@code DISCLOSE_TEST_PG_URL}'s), for
   * tests that stop and start it: {@link #stopFast()}, {@link #startAgain()}. Deleted at JVM exit.
   */
  public static PostgresServer startOwn() {
    return start();
  }

  /** {@code pg_ctl stop -m fast}: the server ends every session and stops (waits until it has). */
  public void stopFast() {
    run(List.of(pgCtl.toString(), "-D", directory.resolve("data").toString(), "-m", "fast", "-w", "stop"),
        "pg_ctl stop -m fast");
  }

  /** Starts the server stopped by {@link #stopFast()} again, on the same port and data. */
  public void startAgain() {
    run(startCommand, "pg_ctl start");
  }

  /** The server of this JVM, started on first use. */
  public static synchronized PostgresServer shared() {
    if (shared == null) {
      String external = System.getenv(URL_ENV);
      shared = external != null && !external.isBlank() ? new PostgresServer(external, null, null, false) : start();
    }
    return shared;
  }

  /** A JDBC URL (with user) of a new, empty schema of its own. */
  public String freshUrl() {
    String schema = "t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
    try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create schema " + schema + " on " + safe(adminUrl) + ": " + e.getMessage(), e);
    }
    return adminUrl + (adminUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private static String safe(String url) {
    return url.replaceAll("password=[^&]*", "password=***");
  }

  private static PostgresServer start() {
    Path bin = binaries().orElseThrow(() -> new IllegalStateException(
        "PostgreSQL is not installed (no " + BINARIES + "/<version>/bin/initdb): the PostgreSQL tests need a real"
            + " server; run `apt-get install postgresql` (or set " + URL_ENV + " to a JDBC URL of a server to use)"));
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir;
    try {
      dir = Files.createTempDirectory("disclose-pg-");
      if (root) {
        UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        Files.setOwner(dir, postgres);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot prepare a directory for PostgreSQL (as root it must belong to the"
          + " 'postgres' user, which `apt-get install postgresql` creates): " + e.getMessage(), e);
    }
    int port = freePort();
    Path data = dir.resolve("data");
    PostgresServer server = new PostgresServer(
        "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres", dir, bin.resolve("pg_ctl"), root);
    server.run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
        "-E", "UTF8", "--locale=C", "--no-sync"), "initdb");
    server.startCommand = List.of(server.pgCtl.toString(), "-D", data.toString(), "-l",
        dir.resolve("server.log").toString(), "-w", "-t", "60", "-o",
        "-p " + port + " -h 127.0.0.1 -k " + dir + " -F -c max_connections=200", "start");
    server.run(server.startCommand, "pg_ctl start");
    Runtime.getRuntime().addShutdownHook(new Thread(server::stopAndDelete, "postgres-stop"));
    return server;
  }

  private static Optional<Path> binaries() {
    if (!Files.isDirectory(BINARIES)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(BINARIES)) {
      return versions.map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
          .max(Comparator.comparing(b -> versionOf(b.getParent().getFileName().toString())));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static int versionOf(String name) {
    try {
      return Integer.parseInt(name);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port: " + e.getMessage(), e);
    }
  }

  private void run(List<String> command, String what) {
    List<String> full = new ArrayList<>();
    if (asPostgresUser) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    try {
      Path log = Files.createTempFile("disclose-pg-cmd", ".log");
      try {
        Process p = new ProcessBuilder(full).directory(directory.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new IllegalStateException(what + " did not finish in 120 s");
        }
        if (p.exitValue() != 0) {
          String serverLog = Files.exists(directory.resolve("server.log"))
              ? Files.readString(directory.resolve("server.log"), StandardCharsets.UTF_8) : "";
          throw new IllegalStateException(what + " failed (exit " + p.exitValue() + "): " + String.join(" ", full) + "\n"
              + Files.readString(log, StandardCharsets.UTF_8) + serverLog);
        }
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + what + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " interrupted", e);
    }
  }

  private void stopAndDelete() {
    try {
      run(List.of(pgCtl.toString(), "-D", directory.resolve("data").toString(), "-m", "immediate", "-w", "stop"),
          "pg_ctl stop");
    } catch (RuntimeException e) {
      System.err.println("PostgresServer: " + e.getMessage());
    }
    try (Stream<Path> all = Files.walk(directory)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("PostgresServer: cannot delete " + directory + ": " + e.getMessage());
    }
  }
}
