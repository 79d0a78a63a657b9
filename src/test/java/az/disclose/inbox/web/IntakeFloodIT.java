package az.disclose.inbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.config.SettingsLoader;
import az.disclose.config.SiteSettings;
import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.ListFilter;
import az.disclose.inbox.store.Inbox;
import az.disclose.serve.SiteServer;
import az.disclose.testing.TestClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow bodies against the site and the intake in one server, as {@code serve} runs them: 200
 * connections trickle a form body a byte at a time while a page of the site and {@code /healthz}
 * must still answer at once, and every trickler is cut off with a clear status.
 */
class IntakeFloodIT {
  static final int TRICKLERS = 200;
  static final Duration PROMPT = Duration.ofSeconds(3);
  static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3}) ");

  @TempDir Path dir;
  Inbox inbox;
  Server server;
  int port;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
    if (inbox != null) {
      inbox.close();
    }
  }

  void start(IntakeLimits limits) throws Exception {
    Path site = Files.createDirectories(dir.resolve("site"));
    Files.writeString(site.resolve("index.html"), "<!doctype html><title>Sayt</title><p>Nazirlik</p>");
    SiteSettings settings = new SettingsLoader().load(Intake.CONTENT);
    SiteFrames frames = SiteFrames.load(Intake.THEME, settings, List.of());
    TestClock clock = TestClock.baku(2026, 9, 1, 10, 0);
    inbox = Inbox.open(InboxSettings.defaults(dir.resolve("data")), Intake.CONTENT, clock);
    IntakeHandler intake = IntakeServer.handler(inbox.register(), frames, clock, limits, dir.resolve("data/uploads"));
    server = SiteServer.create("127.0.0.1", 0, site, false, null);
    server.setHandler(new Handler.Sequence(intake, server.getHandler()));
    server.start();
    port = SiteServer.port(server);
  }

  /** Raw connections that send a form's headers and then one byte of its body now and then. */
  final class Tricklers implements AutoCloseable {
    final Selector selector = Selector.open();
    final List<SocketChannel> channels = new ArrayList<>();
    final Map<SocketChannel, StringBuilder> answers = new HashMap<>();

    /** Each sends its headers and the first bytes of its body (Jetty calls the handler on the first bytes). */
    Tricklers(int count) throws IOException {
      String head = "POST /requests HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n";
      for (int i = 0; i < count; i++) {
        SocketChannel c = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
        c.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
        c.write(ByteBuffer.wrap("name=".getBytes(StandardCharsets.US_ASCII)));
        c.configureBlocking(false);
        c.register(selector, SelectionKey.OP_READ);
        channels.add(c);
        answers.put(c, new StringBuilder());
      }
    }

    /** Sends one more byte on every open connection ({@code trickle}) and reads what came back. */
    void step(boolean trickle) throws IOException {
      for (SocketChannel c : channels) {
        if (trickle && c.isOpen() && statusOf(c) == 0) {
          try {
            c.write(ByteBuffer.wrap(new byte[] {'a'}));
          } catch (IOException closedByTheServer) {
            // its answer has been read or will be
          }
        }
      }
      selector.select(100);
      for (SelectionKey key : selector.selectedKeys()) {
        SocketChannel c = (SocketChannel) key.channel();
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        int n;
        try {
          n = c.read(buffer);
        } catch (IOException reset) {
          n = -1;
        }
        if (n > 0) {
          answers.get(c).append(new String(buffer.array(), 0, n, StandardCharsets.ISO_8859_1));
        } else if (n < 0) {
          key.cancel();
          c.close();
        }
      }
      selector.selectedKeys().clear();
    }

    int statusOf(SocketChannel c) {
      Matcher m = STATUS.matcher(answers.get(c));
      return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** How many connections got each status (0: none yet). */
    Map<Integer, Integer> statuses() {
      Map<Integer, Integer> out = new TreeMap<>();
      for (SocketChannel c : channels) {
        out.merge(statusOf(c), 1, Integer::sum);
      }
      return out;
    }

    long answered() {
      return channels.stream().filter(c -> statusOf(c) != 0).count();
    }

    @Override
    public void close() throws IOException {
      for (SocketChannel c : channels) {
        c.close();
      }
      selector.close();
    }
  }

  HttpResponse<String> get(HttpClient http, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(PROMPT).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void twoHundredTricklingBodiesAreBoundedWhileTheSiteAndHealthzAnswer() throws Exception {
    int slots = 8;
    // long enough that opening 200 connections on a busy machine does not outlast it
    Duration total = Duration.ofSeconds(10);
    start(IntakeLimits.defaults().withoutRateLimit().withUploads(slots, TRICKLERS).withBodyTimeouts(total, total));
    HttpClient http = HttpClient.newBuilder().connectTimeout(PROMPT).build();
    try (Tricklers flood = new Tricklers(TRICKLERS)) {
      long until = System.nanoTime() + Duration.ofSeconds(40).toNanos();
      // the bodies beyond the slots are refused at once (without being read) ...
      while (flood.answered() < TRICKLERS - slots && System.nanoTime() < until) {
        flood.step(true);
      }
      assertThat(flood.statuses()).as("refused at once").containsEntry(503, TRICKLERS - slots);
      // ... and while the slots' bodies still trickle, the site and the health check answer promptly
      assertThat(flood.statuses()).as("still trickling").containsEntry(0, slots);
      long before = System.nanoTime();
      HttpResponse<String> page = get(http, "/");
      HttpResponse<String> health = get(http, "/healthz");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("Nazirlik");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(PROMPT);
      // the slots' bodies are cut off when their total time is up, though bytes keep coming
      while (flood.answered() < TRICKLERS && System.nanoTime() < until) {
        flood.step(true);
      }
      assertThat(flood.statuses()).isEqualTo(Map.of(408, slots, 503, TRICKLERS - slots));
    }
    assertThat(inbox.register().list(ListFilter.all())).isEmpty();
    // the slots are free again: a citizen's form goes through
    HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/requests"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofByteArray(Intake.urlEncoded(Intake.validForm()))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(ok.statusCode()).isEqualTo(303);
  }

  @Test
  void oneAddressHoldsAtMostItsShareAndAStalledBodyEndsAfterTheIdleTime() throws Exception {
    start(IntakeLimits.defaults().withoutRateLimit().withUploads(32, 2)
        .withBodyTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(60)));
    try (Tricklers stalled = new Tricklers(3)) {
      long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (stalled.answered() < 3 && System.nanoTime() < until) {
        stalled.step(false); // nothing more is sent
      }
      assertThat(stalled.statuses()).isEqualTo(Map.of(503, 1, 408, 2));
      for (SocketChannel c : stalled.channels) {
        String answer = new String(stalled.answers.get(c).toString().getBytes(StandardCharsets.ISO_8859_1),
            StandardCharsets.UTF_8);
        if (stalled.statusOf(c) == 503) {
          assertThat(answer).contains("Retry-After: 30").contains("Server hazırda məşğuldur");
        } else {
          assertThat(answer).contains("Sorğu vaxtında çatmadı");
        }
      }
    }
  }
}
