package az.disclose.serve;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.site.SiteBuilder;
import az.disclose.site.TestSites;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `disclose serve` with live reload, over real HTTP: the injected script and the event stream. */
class LiveReloadIT {
  private static final String NEWS = "/news/komissiya-yaradildi/";
  private static final Duration WAIT = Duration.ofSeconds(10);
  /** What the reader of an event stream adds when the stream ends. */
  private static final String END = "<end of stream>";

  @TempDir Path dir;
  Path site;
  LiveReload liveReload;
  Server server;
  String base;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();
  final List<InputStream> opened = new ArrayList<>();

  @BeforeEach
  void buildAndServe() throws Exception {
    TestSites.copyProject(dir);
    site = dir.resolve("site");
    new SiteBuilder(dir.resolve("content"), dir.resolve("theme"), site).build();
    serve(new LiveReload(Duration.ofMillis(200), 2));
  }

  private void serve(LiveReload withLiveReload) throws Exception {
    liveReload = withLiveReload;
    server = SiteServer.create("127.0.0.1", 0, site, false, liveReload);
    server.start();
    base = "http://127.0.0.1:" + SiteServer.port(server);
  }

  @AfterEach
  void stop() throws Exception {
    for (InputStream in : opened) {
      in.close();
    }
    server.stop();
  }

  private HttpResponse<byte[]> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /** An open event stream whose lines arrive in a queue. */
  private BlockingQueue<String> events() throws Exception {
    HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(base + LiveReload.EVENTS_PATH)).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
    assertThat(response.headers().firstValue("cache-control")).hasValueSatisfying(v -> assertThat(v).contains("no-cache"));
    InputStream body = response.body();
    opened.add(body);
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          lines.add(line);
        }
        lines.add(END);
      } catch (java.io.IOException cutOff) {
        lines.add(END + " " + cutOff);
      }
    }, "sse-reader");
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  /** The next event of the stream, heartbeats and comments skipped: its lines without the blank end. */
  private static List<String> nextEvent(BlockingQueue<String> lines) throws InterruptedException {
    List<String> event = new ArrayList<>();
    while (true) {
      String line = lines.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(line).as("a line of the event stream").isNotNull();
      if (line.isEmpty()) {
        if (event.stream().anyMatch(l -> l.startsWith("event:"))) {
          return event;
        }
        event.clear();
      } else if (!line.startsWith(":")) {
        event.add(line);
      }
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  void anHtmlPageIsServedWithTheScriptWhileItsFileStaysAsBuilt() throws Exception {
    Path file = site.resolve("news/komissiya-yaradildi/index.html");
    byte[] onDisk = Files.readAllBytes(file);
    assertThat(new String(onDisk, StandardCharsets.UTF_8)).doesNotContain("_disclose");

    for (String path : List.of(NEWS, NEWS + "index.html")) {
      HttpResponse<byte[]> page = get(path);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
      assertThat(page.headers().firstValueAsLong("content-length")).hasValue(page.body().length);
      assertThat(page.headers().firstValue("cache-control")).hasValue("no-store");
      assertThat(page.headers().firstValue("etag")).isEmpty();
      assertThat(page.headers().firstValue("last-modified")).isEmpty();
      String html = text(page);
      assertThat(html).contains(LiveReload.SCRIPT_TAG + "</body>");
      assertThat(html.replace(LiveReload.SCRIPT_TAG, "")).isEqualTo(new String(onDisk, StandardCharsets.UTF_8));
    }
    HttpResponse<Void> head = http.send(HttpRequest.newBuilder(URI.create(base + NEWS)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.discarding());
    assertThat(head.headers().firstValueAsLong("content-length")).hasValue(onDisk.length + LiveReload.SCRIPT_TAG.length());
    assertThat(Files.readAllBytes(file)).isEqualTo(onDisk);
  }

  @Test
  void theSitesOwn404PageGetsTheScriptToo() throws Exception {
    HttpResponse<byte[]> missing = get("/yoxdur/");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(text(missing)).contains("Səhifə tapılmadı").contains(LiveReload.SCRIPT_TAG + "</body>");
    assertThat(Files.readString(site.resolve("404.html"))).doesNotContain("_disclose");
  }

  @Test
  void stylesheetsFeedsAndDataAreServedAsBuilt() throws Exception {
    for (String path : List.of("/style.css", "/feed.xml", "/plan.json", "/sitemap.xml")) {
      HttpResponse<byte[]> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.body()).as(path).isEqualTo(Files.readAllBytes(site.resolve(path.substring(1))));
      assertThat(response.headers().firstValue("last-modified")).as(path).isPresent();
    }
  }

  @Test
  void theScriptIsServedAndListensToTheEventStream() throws Exception {
    HttpResponse<byte[]> script = get(LiveReload.SCRIPT_PATH);
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/javascript"));
    assertThat(text(script)).contains("new EventSource(\"" + LiveReload.EVENTS_PATH + "\")").contains("location.reload()");
  }

  @Test
  void anOpenStreamGetsAnEventNamingTheChangedPages() throws Exception {
    BlockingQueue<String> lines = events();
    await(() -> liveReload.openStreams() == 1, "the stream is open");

    liveReload.changed(List.of(NEWS + "index.html", "/", "/style.css", ""));
    assertThat(nextEvent(lines)).containsExactly("event: reload", "data: /", "data: " + NEWS, "data: /style.css");

    liveReload.changed(List.of());
    liveReload.changedAll();
    assertThat(nextEvent(lines)).containsExactly("event: reload", "data: *");
  }

  @Test
  void theStateEndpointSaysWhetherTheLastBuildFailedAndWithWhichProblems() throws Exception {
    HttpResponse<byte[]> ok = get(LiveReload.STATE_PATH);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    assertThat(ok.headers().firstValue("cache-control")).hasValue("no-store");
    assertThat(text(ok)).isEqualTo("{\"ok\":true,\"problems\":[],\"held\":[]}");

    liveReload.failed(List.of("content/news/x.md:3: YAML syntax error: the quote \" opened here is never closed",
        "content/news/<script>.md:1: a\nb"));
    JsonNode state = new ObjectMapper().readTree(get(LiveReload.STATE_PATH).body());
    assertThat(state.get("ok").asBoolean()).isFalse();
    assertThat(state.get("problems")).extracting(JsonNode::asText).containsExactly(
        "content/news/x.md:3: YAML syntax error: the quote \" opened here is never closed",
        "content/news/<script>.md:1: a b");
    // Never markup in the answer, even if a browser were made to read it as HTML.
    assertThat(text(get(LiveReload.STATE_PATH))).doesNotContain("<script>");

    liveReload.succeeded();
    assertThat(text(get(LiveReload.STATE_PATH))).isEqualTo("{\"ok\":true,\"problems\":[],\"held\":[]}");
  }

  @Test
  void openStreamsAreToldOfAFailedBuildAndOfTheNextGoodOne() throws Exception {
    BlockingQueue<String> lines = events();
    await(() -> liveReload.openStreams() == 1, "the stream is open");

    liveReload.failed(List.of("content/news/a.md:2: one", "content/news/b.md:5: two"));
    assertThat(nextEvent(lines)).containsExactly("event: failed", "data: content/news/a.md:2: one",
        "data: content/news/b.md:5: two");
    liveReload.succeeded();
    assertThat(nextEvent(lines)).containsExactly("event: fixed", "data: ok");
    // A good build after a good one says nothing more.
    liveReload.succeeded();
    liveReload.changedAll();
    assertThat(nextEvent(lines)).containsExactly("event: reload", "data: *");
  }

  @Test
  void theItemsAGoodBuildHeldBackAreToldToOpenPagesAndKeptInTheStateApartFromProblems() throws Exception {
    BlockingQueue<String> lines = events();
    await(() -> liveReload.openStreams() == 1, "the stream is open");
    String finding = "content/news/x.md:4: error [personal-data] an e-mail address <a@b.az> — remove it";
    liveReload.succeeded(List.of(finding));
    assertThat(nextEvent(lines)).containsExactly("event: held", "data: " + finding);
    JsonNode state = new ObjectMapper().readTree(get(LiveReload.STATE_PATH).body());
    assertThat(state.get("ok").asBoolean()).as("held back is no failure").isTrue();
    assertThat(state.get("problems")).isEmpty();
    assertThat(state.get("held")).extracting(JsonNode::asText).containsExactly(finding);
    assertThat(text(get(LiveReload.STATE_PATH))).doesNotContain("<a@b.az>");
    // The same items again: nothing new to tell; a failed build leaves them listed.
    liveReload.succeeded(List.of(finding));
    liveReload.failed(List.of("content/news/y.md:1: broken"));
    assertThat(nextEvent(lines)).containsExactly("event: failed", "data: content/news/y.md:1: broken");
    assertThat(liveReload.heldBack()).containsExactly(finding);
    // None held back any more: the pages take the list away.
    liveReload.succeeded(List.of());
    assertThat(nextEvent(lines)).containsExactly("event: fixed", "data: ok");
    assertThat(nextEvent(lines)).containsExactly("event: released", "data: ok");
    assertThat(text(get(LiveReload.STATE_PATH))).isEqualTo("{\"ok\":true,\"problems\":[],\"held\":[]}");
  }

  @Test
  void aFailureWithManyProblemsShowsTheFirstOnesAndSaysHowManyMore() {
    List<String> many = new ArrayList<>();
    for (int i = 1; i <= LiveReload.MAX_PROBLEMS_SHOWN + 5; i++) {
      many.add("content/news/x.md:" + i + ": problem");
    }
    liveReload.failed(many);
    assertThat(liveReload.problems()).hasSize(LiveReload.MAX_PROBLEMS_SHOWN + 1)
        .last().asString().contains("5 more");
  }

  @Test
  void anIdleStreamGetsHeartbeats() throws Exception {
    BlockingQueue<String> lines = events();
    String line;
    do {
      line = lines.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(line).as("a heartbeat").isNotNull();
    } while (!line.equals(": heartbeat"));
  }

  @Test
  void aClosedClientIsForgotten() throws Exception {
    events();
    events();
    await(() -> liveReload.openStreams() == 2, "two streams open");
    for (InputStream in : opened) {
      in.close();
    }
    // A disconnect is noticed when the connection fails or, at the latest, at the next heartbeat's write.
    await(() -> liveReload.openStreams() == 0, "the closed streams are forgotten");
    events();
    await(() -> liveReload.openStreams() == 1, "a new stream opens");
  }

  @Test
  void streamsBeyondTheLimitAreRefused() throws Exception {
    events();
    events();
    HttpResponse<byte[]> third = get(LiveReload.EVENTS_PATH);
    assertThat(third.statusCode()).isEqualTo(503);
    assertThat(liveReload.openStreams()).isEqualTo(2);
  }

  @Test
  void oneAddressHoldsAtMostItsShareOfStreams() throws Exception {
    server.stop();
    serve(new LiveReload(Duration.ofMillis(200), 10, 2));
    events();
    events();
    await(() -> liveReload.openStreams() == 2, "two streams open");
    HttpResponse<byte[]> third = get(LiveReload.EVENTS_PATH);
    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(liveReload.openStreams()).isEqualTo(2);
    // a closed stream gives its place back to its address
    opened.get(0).close();
    await(() -> liveReload.openStreams() == 1, "the closed stream is forgotten");
    events();
    await(() -> liveReload.openStreams() == 2, "the address opens another");
  }

  @Test
  void stoppingTheServerEndsEveryStream() throws Exception {
    BlockingQueue<String> lines = events();
    await(() -> liveReload.openStreams() == 1, "the stream is open");
    server.stop();
    assertThat(liveReload.openStreams()).isZero();
    String line;
    do {
      line = lines.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(line).as("the stream ends").isNotNull();
    } while (!line.startsWith(END));
  }

  @Test
  void withoutLiveReloadNothingIsAddedAndItsPathsAreNotFound() throws Exception {
    server.stop();
    serve(null);
    assertThat(get(NEWS).body()).isEqualTo(Files.readAllBytes(site.resolve("news/komissiya-yaradildi/index.html")));
    assertThat(get(LiveReload.SCRIPT_PATH).statusCode()).isEqualTo(404);
    assertThat(get(LiveReload.EVENTS_PATH).statusCode()).isEqualTo(404);
  }
}
