package az.disclose.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live reload for {@code disclose serve}: browser pages of the served site reload themselves when a
 * rebuild changes them.
 *
 * <p>As a Jetty handler it answers two paths: {@value #EVENTS_PATH}, a Server-Sent Events stream
 * that gets one {@code reload} event per {@link #changed} (its data: the changed site paths, one a
 * line, or {@code *} for everything), with a comment heartbeat every {@link #HEARTBEAT} so that idle
 * timeouts and proxies keep it open; and {@value #SCRIPT_PATH}, the small script that listens to it.
 * {@link SiteServer#create(String, int, java.nio.file.Path, boolean, LiveReload)} puts this handler
 * in front of the site and adds {@link #SCRIPT_TAG} to the HTML pages it serves, in the response
 * only: the files of the built site never contain it.
 *
 * <p>It also tells open pages when a build failed: {@link #failed} sends every stream a {@code
 * failed} event whose data lines are the problems ({@code file:line: message}), and the script shows
 * them over the page until {@link #succeeded} sends {@code fixed}. {@value #STATE_PATH} answers the
 * current state as JSON ({@code {"ok":false,"problems":[...]}}), which the script asks for whenever
 * its stream opens, so that a page loaded (or reconnected) while the last build failed shows the
 * problems too.
 *
 * <p>The items the last good build held back from the site (site.BuildReport#heldBack) are no
 * failure, but the press secretary must see them too: {@link #succeeded(java.util.Collection)} sends
 * a {@code held} event with them (one a line), or {@code released} when there are none any more, and
 * the state's {@code held} lists them; the script shows them in a box of their own at the foot of the
 * page, not as an alert.
 *
 * <p>At most {@link #MAX_STREAMS} streams are open at once (503 beyond); a stream whose write fails,
 * or whose client has fallen {@link #MAX_QUEUED_WRITES} writes behind, is closed and forgotten. The
 * handler's life cycle is the server's: started with it, its streams ended when it stops.
 */
public final class LiveReload extends Handler.Abstract {
  /** The Server-Sent Events stream. */
  public static final String EVENTS_PATH = "/_disclose/events";
  /** The script that HTML pages load. */
  public static final String SCRIPT_PATH = "/_disclose/live-reload.js";
  /** The state of the last build, as JSON. */
  public static final String STATE_PATH = "/_disclose/state";
  /** The most problems a failed build shows on the pages (the terminal shows all of them). */
  public static final int MAX_PROBLEMS_SHOWN = 100;
  /** A problem longer than this many characters is cut on the pages. */
  public static final int MAX_PROBLEM_CHARS = 500;
  /** What is added before {@code </body>} of every HTML page served while live reload is on. */
  public static final String SCRIPT_TAG = "<script src=\"" + SCRIPT_PATH + "\" defer></script>";
  /** The most event streams open at once: a browser tab holds one each. */
  public static final int MAX_STREAMS = 64;
  /** The most event streams one address may hold open, so that one client cannot take them all. */
  public static final int MAX_STREAMS_PER_ADDRESS = 8;
  /** How often an idle stream gets a comment line, well under Jetty's and proxies' idle timeouts. */
  public static final Duration HEARTBEAT = Duration.ofSeconds(15);
  /** Writes a stream may have waiting behind a slow client before it is closed. */
  static final int MAX_QUEUED_WRITES = 16;
  /** Above this many changed paths an event says "everything" instead of listing them. */
  static final int MAX_PATHS_PER_EVENT = 1000;
  /** The data of an event that reloads every page. */
  static final String EVERYTHING = "*";
  /** How long a browser waits before reconnecting a dropped stream (SSE {@code retry}). */
  private static final Duration RECONNECT = Duration.ofSeconds(1);
  private static final String SCRIPT_RESOURCE = "live-reload.js";
  private static final Logger LOG = LoggerFactory.getLogger(LiveReload.class);

  private final Duration heartbeat;
  private final int maxStreams;
  private final int maxPerAddress;
  private final java.util.Map<String, Integer> perAddress = new java.util.HashMap<>();
  private final byte[] script;
  private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
  private ScheduledExecutorService heartbeats;
  /** The problems of the last build, empty when it succeeded. */
  private volatile List<String> problems = List.of();
  /** The items the last good build held back (their findings), as the pages show them. */
  private volatile List<String> held = List.of();

  public LiveReload() {
    this(HEARTBEAT, MAX_STREAMS, MAX_STREAMS_PER_ADDRESS);
  }

  /** For tests: a shorter heartbeat, fewer streams. */
  LiveReload(Duration heartbeat, int maxStreams) {
    this(heartbeat, maxStreams, maxStreams);
  }

  /** For tests: a shorter heartbeat, fewer streams, fewer per address. */
  LiveReload(Duration heartbeat, int maxStreams, int maxPerAddress) {
    this.heartbeat = heartbeat;
    this.maxStreams = maxStreams;
    this.maxPerAddress = maxPerAddress;
    try (InputStream in = LiveReload.class.getResourceAsStream(SCRIPT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the live-reload script is missing from the jar: " + SCRIPT_RESOURCE);
      }
      this.script = in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("the live-reload script cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Tells every open page that these site paths changed; pages showing one of them, or loading one
   * of them as a stylesheet or script, reload. A path may be given as the URL path or as the file
   * under the site directory: {@code /news/x/}, {@code /news/x/index.html} and {@code
   * news/x/index.html} are the same page. Nothing changed, nothing is sent. Call it after each
   * successful build.
   */
  public void changed(java.util.Collection<String> sitePaths) {
    Set<String> paths = new TreeSet<>();
    for (String path : sitePaths) {
      if (path == null || path.isBlank()) {
        continue;
      }
      if (path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0) {
        // Cannot be named on an event's data line; reload everything rather than miss it.
        changedAll();
        return;
      }
      paths.add(normal(path.strip()));
    }
    if (paths.size() > MAX_PATHS_PER_EVENT) {
      changedAll();
    } else if (!paths.isEmpty()) {
      broadcast(event("reload", String.join("\n", paths)));
    }
  }

  /**
   * The last build failed with these problems ({@code file:line: message} each): every open page
   * shows them, and so does every page opened until {@link #succeeded}. Line breaks inside a problem
   * become spaces; more than {@link #MAX_PROBLEMS_SHOWN} are cut with a line saying how many more.
   */
  public void failed(java.util.Collection<String> found) {
    List<String> shown = shown(found);
    if (shown.isEmpty()) {
      shown.add("the build failed (see the terminal)");
    }
    problems = List.copyOf(shown);
    broadcast(event("failed", String.join("\n", shown)));
  }

  /**
   * At most {@link #MAX_PROBLEMS_SHOWN} of {@code found}, each on one line of at most {@link
   * #MAX_PROBLEM_CHARS}, with a last line saying how many more when there are.
   */
  private static List<String> shown(java.util.Collection<String> found) {
    List<String> shown = new java.util.ArrayList<>();
    for (String p : found) {
      if (shown.size() == MAX_PROBLEMS_SHOWN) {
        shown.add("… " + (found.size() - MAX_PROBLEMS_SHOWN) + " more (see the terminal)");
        break;
      }
      String one = p.replaceAll("[\\r\\n]+", " ").strip();
      shown.add(one.length() > MAX_PROBLEM_CHARS ? one.substring(0, MAX_PROBLEM_CHARS) + "…" : one);
    }
    return shown;
  }

  /**
   * The last build succeeded, holding back the items of {@code heldBack} (their findings, {@code
   * file:line: error [rule] message}; empty: none): pages showing a failure's problems take them
   * away, and every open page shows the held-back items, or stops showing them when there are none
   * any more. Capped as {@link #failed} caps problems.
   */
  public void succeeded(java.util.Collection<String> heldBack) {
    succeeded();
    List<String> shown = List.copyOf(shown(heldBack));
    if (!shown.equals(held)) {
      held = shown;
      broadcast(shown.isEmpty() ? event("released", "ok") : event("held", String.join("\n", shown)));
    }
  }

  /** The items held back by the last good build, as the pages show them; empty when none. */
  public List<String> heldBack() {
    return held;
  }

  /** The last build succeeded: pages showing a failure's problems take them away. */
  public void succeeded() {
    boolean wasFailed = !problems.isEmpty();
    problems = List.of();
    if (wasFailed) {
      broadcast(event("fixed", "ok"));
    }
  }

  /** The problems of the last build as the pages show them; empty when it succeeded. */
  public List<String> problems() {
    return problems;
  }

  /**
   * The state as {@value #STATE_PATH} answers it: JSON, with {@code <} {@code >} {@code &} escaped
   * too: {@code {"ok":..., "problems":[...], "held":[...]}}.
   */
  static String stateJson(List<String> problems, List<String> held) {
    StringBuilder out = new StringBuilder("{\"ok\":").append(problems.isEmpty()).append(",\"problems\":");
    strings(out, problems);
    out.append(",\"held\":");
    strings(out, held);
    return out.append('}').toString();
  }

  private static void strings(StringBuilder out, List<String> problems) {
    out.append('[');
    for (int i = 0; i < problems.size(); i++) {
      out.append(i > 0 ? "," : "").append('"');
      for (char c : problems.get(i).toCharArray()) {
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          default -> {
            if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
              out.append(String.format("\\u%04x", (int) c));
            } else {
              out.append(c);
            }
          }
        }
      }
      out.append('"');
    }
    out.append(']');
  }

  /** Tells every open page to reload: when what changed is not known (a theme change, say). */
  public void changedAll() {
    broadcast(event("reload", EVERYTHING));
  }

  /** The number of event streams open now. */
  int openStreams() {
    return streams.size();
  }

  /** A site path in the form the script compares: leading slash, {@code /x/index.html} as {@code /x/}. */
  static String normal(String path) {
    String p = path.startsWith("/") ? path : "/" + path;
    return p.endsWith("/index.html") ? p.substring(0, p.length() - "index.html".length()) : p;
  }

  /**
   * The page with {@link #SCRIPT_TAG} before its last {@code </body>} (any case), or at its end when
   * it has none. The page's bytes are otherwise kept as they are, whatever their encoding.
   */
  static byte[] inject(byte[] page) {
    byte[] tag = SCRIPT_TAG.getBytes(StandardCharsets.US_ASCII);
    int at = lastBodyEnd(page);
    int cut = at < 0 ? page.length : at;
    byte[] out = new byte[page.length + tag.length];
    System.arraycopy(page, 0, out, 0, cut);
    System.arraycopy(tag, 0, out, cut, tag.length);
    System.arraycopy(page, cut, out, cut + tag.length, page.length - cut);
    return out;
  }

  private static int lastBodyEnd(byte[] page) {
    byte[] end = "</body>".getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = page.length - end.length; i >= 0; i--) {
      for (int j = 0; j < end.length; j++) {
        byte b = page[i + j];
        byte lower = b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
        if (lower != end[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    boolean get = HttpMethod.GET.is(request.getMethod());
    if (EVENTS_PATH.equals(path) && get) {
      open(request, response, callback);
      return true;
    }
    if (STATE_PATH.equals(path) && get) {
      byte[] body = stateJson(problems, held).getBytes(StandardCharsets.UTF_8);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
      response.getHeaders().put("X-Content-Type-Options", "nosniff");
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
      response.write(true, ByteBuffer.wrap(body), callback);
      return true;
    }
    if (SCRIPT_PATH.equals(path) && (get || HttpMethod.HEAD.is(request.getMethod()))) {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/javascript; charset=utf-8");
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, script.length);
      response.write(true, get ? ByteBuffer.wrap(script) : null, callback);
      return true;
    }
    return false;
  }

  private void open(Request request, Response response, Callback callback) {
    String address = String.valueOf(Request.getRemoteAddr(request));
    Stream stream = new Stream(response, callback, address);
    synchronized (streams) {
      if (!isRunning() || streams.size() >= maxStreams) {
        Response.writeError(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503,
            isRunning() ? "too many live-reload streams open (at most " + maxStreams + ")" : "live reload is stopping");
        return;
      }
      if (perAddress.getOrDefault(address, 0) >= maxPerAddress) {
        Response.writeError(request, response, callback, HttpStatus.TOO_MANY_REQUESTS_429,
            "too many live-reload streams open from this address (at most " + maxPerAddress + ")");
        return;
      }
      perAddress.merge(address, 1, Integer::sum);
      // Headers before the stream is known to broadcasts: any first write commits them.
      response.setStatus(HttpStatus.OK_200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache, no-store");
      // nginx would otherwise buffer the stream.
      response.getHeaders().put("X-Accel-Buffering", "no");
      streams.add(stream);
    }
    // A client that goes away while the stream is idle fails the request; forget it then.
    request.addFailureListener(stream::close);
    // Sends the headers at once, so the browser's EventSource opens.
    stream.send("retry: " + RECONNECT.toMillis() + "\n: live reload\n\n", false);
  }

  private static String event(String name, String data) {
    StringBuilder out = new StringBuilder("event: ").append(name).append('\n');
    for (String line : data.split("\n", -1)) {
      out.append("data: ").append(line).append('\n');
    }
    return out.append('\n').toString();
  }

  private void broadcast(String text) {
    for (Stream stream : streams) {
      stream.send(text, false);
    }
  }

  @Override
  protected void doStart() throws Exception {
    heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "live-reload-heartbeat");
      thread.setDaemon(true);
      return thread;
    });
    long every = heartbeat.toMillis();
    heartbeats.scheduleAtFixedRate(() -> broadcast(": heartbeat\n\n"), every, every, TimeUnit.MILLISECONDS);
    super.doStart();
  }

  @Override
  protected void doStop() throws Exception {
    heartbeats.shutdownNow();
    for (Stream stream : streams) {
      stream.send("", true);
    }
    super.doStop();
  }

  /** One open event stream: writes go out one at a time, in order. */
  private final class Stream {
    private final Response response;
    private final Callback done;
    private final String address;
    private final ArrayDeque<Write> queued = new ArrayDeque<>();
    private boolean writing;
    private boolean closed;

    private record Write(ByteBuffer bytes, boolean last) {}

    Stream(Response response, Callback done, String address) {
      this.response = response;
      this.done = done;
      this.address = address;
    }

    /** Takes the stream out of the open ones (once: callers hold {@code closed}). */
    private void remove() {
      synchronized (streams) {
        if (streams.remove(this)) {
          perAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
        }
      }
    }

    void send(String text, boolean last) {
      Write write = new Write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), last);
      boolean overflow = false;
      synchronized (this) {
        if (closed) {
          return;
        }
        if (!writing) {
          writing = true;
        } else if (queued.size() < MAX_QUEUED_WRITES) {
          queued.add(write);
          return;
        } else {
          closed = true;
          queued.clear();
          overflow = true;
        }
      }
      if (overflow) {
        forget(new IOException("live-reload client fell " + MAX_QUEUED_WRITES + " writes behind"));
      } else {
        write(write);
      }
    }

    private void write(Write write) {
      response.write(write.last(), write.bytes(), Callback.from(() -> written(write.last()), this::close));
    }

    private void written(boolean last) {
      if (last) {
        synchronized (this) {
          if (closed) {
            return;
          }
          closed = true;
        }
        remove();
        done.succeeded();
        return;
      }
      Write next;
      synchronized (this) {
        next = closed ? null : queued.poll();
        if (next == null) {
          writing = false;
          return;
        }
      }
      write(next);
    }

    /** The client is gone (or the write failed): forget the stream and end the request. */
    void close(Throwable cause) {
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
        queued.clear();
      }
      forget(cause);
    }

    private void forget(Throwable cause) {
      remove();
      LOG.debug("live-reload stream closed: {}", cause.toString());
      done.failed(cause);
    }
  }
}
