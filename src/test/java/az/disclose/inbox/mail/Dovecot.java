package az.disclose.inbox.mail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real Dovecot IMAP server (Debian {@code dovecot-imapd}) for a test: its own configuration, run
 * and mail directories under {@code target/}, listening on a free loopback port, one user {@link
 * #LOGIN}. Dovecot stores an appended message as the bytes it was given, so it serves what a mailer
 * sent. Started by the test (as root: Dovecot's mail processes run as the {@code dovecot} user),
 * stopped by {@link #close()} (its master process, by the pid it wrote).
 */
final class Dovecot implements AutoCloseable {
  static final String LOGIN = "sorgu";
  static final String PASSWORD = "secret";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  final int port;
  private final Path work;
  private final long pid;

  private Dovecot(int port, Path work, long pid) {
    this.port = port;
    this.work = work;
    this.pid = pid;
  }

  static Dovecot start() throws IOException, InterruptedException {
    if (!Files.isExecutable(Path.of("/usr/sbin/dovecot"))) {
      throw new IllegalStateException("Dovecot is not installed: apt-get install dovecot-imapd (.ci/run does)");
    }
    Files.createDirectories(Path.of("target"));
    Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "dovecot-");
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String d : List.of("run", "state", "mail")) {
      Files.createDirectories(work.resolve(d));
    }
    // the mail processes run as the dovecot user and create the Maildir there
    var users = work.getFileSystem().getUserPrincipalLookupService();
    Files.setOwner(work.resolve("mail"), users.lookupPrincipalByName("dovecot"));
    Files.writeString(work.resolve("passwd"), LOGIN + ":{PLAIN}" + PASSWORD + "::::::\n");
    int port = MailServer.freePort();
    Path conf = work.resolve("dovecot.conf");
    Files.writeString(conf, """
        protocols = imap
        listen = 127.0.0.1
        base_dir = %1$s/run
        state_dir = %1$s/state
        log_path = %1$s/dovecot.log
        ssl = no
        disable_plaintext_auth = no
        auth_mechanisms = plain login
        first_valid_uid = 1
        mail_location = maildir:%1$s/mail/%%u/Maildir
        passdb {
          driver = passwd-file
          args = scheme=PLAIN %1$s/passwd
        }
        userdb {
          driver = static
          args = uid=dovecot gid=dovecot home=%1$s/mail/%%u
        }
        service imap-login {
          inet_listener imap {
            address = 127.0.0.1
            port = %2$d
          }
          inet_listener imaps {
            port = 0
          }
        }
        """.formatted(work, port));
    // the master daemonises; its output goes to a file (a pipe would stay open as long as it runs)
    Path out = work.resolve("start.out");
    Process p = new ProcessBuilder("/usr/sbin/dovecot", "-c", conf.toString()).redirectErrorStream(true)
        .redirectOutput(out.toFile()).start();
    if (!p.waitFor(START_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroy();
      throw new IllegalStateException("dovecot did not start: " + Files.readString(out));
    }
    Path pidFile = work.resolve("run/master.pid");
    Instant until = Instant.now().plus(START_TIMEOUT);
    while (true) {
      if (Files.exists(pidFile) && Files.size(pidFile) > 0 && listening(port)) {
        break;
      }
      if (Instant.now().isAfter(until)) {
        throw new IllegalStateException("dovecot did not listen on " + port + " within " + START_TIMEOUT
            + "; its log: " + (Files.exists(work.resolve("dovecot.log")) ? Files.readString(work.resolve("dovecot.log")) : ""));
      }
      Thread.sleep(50);
    }
    return new Dovecot(port, work, Long.parseLong(Files.readString(pidFile).strip()));
  }

  private static boolean listening(int port) {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  MailSettings settings() {
    return MailSettings.none()
        .withImap(new MailSettings.Server("127.0.0.1", port, MailSettings.Security.NONE, LOGIN, PASSWORD));
  }

  @Override
  public void close() throws IOException {
    ProcessHandle.of(pid).ifPresent(h -> {
      h.destroy();
      h.onExit().orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).join();
    });
    try (Stream<Path> files = Files.walk(work)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
