package az.disclose.inbox.web;

import az.disclose.config.SettingsLoader;
import az.disclose.config.SiteSettings;
import az.disclose.content.ContentLoader;
import az.disclose.content.Page;
import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.Register;
import az.disclose.serve.SiteServer;
import az.disclose.serve.TrustedProxies;
import az.disclose.site.TestSites;
import az.disclose.inbox.store.Inbox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.server.Server;

/**
 * Test fixture: the real register (SQLite in a temp directory, the project's holidays) behind a
 * started intake server on a free port, and helpers to post forms to it.
 */
final class Intake implements AutoCloseable {
  static final Path CONTENT = TestSites.CONTENT;
  static final Path THEME = Path.of("theme");

  final Inbox inbox;
  final Server server;
  final URI base;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private Intake(Inbox inbox, Server server) {
    this.inbox = inbox;
    this.server = server;
    this.base = URI.create("http://127.0.0.1:" + IntakeServer.port(server));
  }

  static Intake start(Path dataDir, Clock clock, IntakeLimits limits) throws Exception {
    return start(dataDir, clock, limits, register -> register, null);
  }

  /** As above with the register's settings given (another database, a busy timeout, a disk watermark). */
  static Intake start(InboxSettings inboxSettings, Clock clock, IntakeLimits limits) throws Exception {
    return start(inboxSettings, clock, limits, register -> register, null);
  }

  static Intake start(Path dataDir, Clock clock, IntakeLimits limits, UnaryOperator<Register> wrap,
      TrustedProxies proxies) throws Exception {
    return start(InboxSettings.defaults(dataDir), clock, limits, wrap, proxies);
  }

  /**
   * As {@link #start(InboxSettings, Clock, IntakeLimits)}, with the register seen through {@code wrap}
   * (to inject faults) and the client's address taken through {@code proxies} (null: the connection's).
   */
  static Intake start(InboxSettings inboxSettings, Clock clock, IntakeLimits limits, UnaryOperator<Register> wrap,
      TrustedProxies proxies) throws Exception {
    SiteSettings settings = new SettingsLoader().load(CONTENT);
    List<Page> pages = new ContentLoader().load(CONTENT).pages();
    SiteFrames frames = SiteFrames.load(THEME, settings, pages);
    Inbox inbox = Inbox.open(inboxSettings, CONTENT, clock);
    Server server = IntakeServer.create("127.0.0.1", 0, wrap.apply(inbox.register()),
        frames, clock, limits,
        inboxSettings.dataDirectory().resolve("uploads"));
    SiteServer.trustProxies(server, proxies);
    server.start();
    return new Intake(inbox, server);
  }

  @Override
  public void close() throws Exception {
    try {
      server.stop();
    } finally {
      inbox.close();
    }
  }

  URI uri(String path) {
    return base.resolve(path);
  }

  HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    if (accept != null) {
      b.header("Accept", accept);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> postForm(Map<String, String> fields, String accept) throws IOException, InterruptedException {
    return post(urlEncoded(fields), "application/x-www-form-urlencoded", accept);
  }

  HttpResponse<String> post(byte[] body, String contentType, String accept) throws IOException, InterruptedException {
    return post(body, contentType, accept, null);
  }

  /** As a browser posts: {@code acceptLanguage} (null: none) is its {@code Accept-Language}. */
  HttpResponse<String> post(byte[] body, String contentType, String accept, String acceptLanguage)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri("/requests"))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (accept != null) {
      b.header("Accept", accept);
    }
    if (acceptLanguage != null) {
      b.header("Accept-Language", acceptLanguage);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** A valid form: an information request in Azerbaijani. */
  static Map<String, String> validForm() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("lang", "az");
    f.put("name", "Aysel Məmmədova");
    f.put("email", "aysel@example.az");
    f.put("type", "information");
    f.put("urgency", "normal");
    f.put("subject", "2025-ci il üzrə hesabat");
    f.put("message", "Zəhmət olmasa, Nazirliyin 2025-ci il üzrə hesabatını göndərin.\r\nTəşəkkürlər.");
    f.put("website", "");
    return f;
  }

  static Map<String, String> with(Map<String, String> form, String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(form);
    if (value == null) {
      copy.remove(key);
    } else {
      copy.put(key, value);
    }
    return copy;
  }

  static byte[] urlEncoded(Map<String, String> fields) {
    StringBuilder sb = new StringBuilder();
    fields.forEach((k, v) -> {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
    });
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** One file of a multipart body. */
  record FilePart(String fileName, String contentType, byte[] bytes) {}

  /** A multipart/form-data body as a browser sends it; the content type is {@link #MULTIPART_TYPE}. */
  static byte[] multipart(Map<String, String> fields, List<FilePart> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String dash = "--" + BOUNDARY + "\r\n";
    fields.forEach((k, v) -> {
      out.writeBytes(dash.getBytes(StandardCharsets.UTF_8));
      out.writeBytes(("Content-Disposition: form-data; name=\"" + k + "\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.writeBytes(v.getBytes(StandardCharsets.UTF_8));
      out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    });
    List<FilePart> all = new ArrayList<>(files);
    if (all.isEmpty()) {
      all.add(new FilePart("", "application/octet-stream", new byte[0])); // the browser's empty file input
    }
    for (FilePart f : all) {
      out.writeBytes(dash.getBytes(StandardCharsets.UTF_8));
      out.writeBytes(("Content-Disposition: form-data; name=\"attachments\"; filename=\"" + f.fileName() + "\"\r\n"
          + "Content-Type: " + f.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.writeBytes(f.bytes());
      out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  static final String BOUNDARY = "----discloseTestBoundary7MA4YWxkTrZu0gW";
  static final String MULTIPART_TYPE = "multipart/form-data; boundary=" + BOUNDARY;
}
