package az.disclose.inbox.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One request/response pair of the intake, and the ways to answer it: every answer carries the
 * security headers below and is never cached.
 */
final class Exchange {
  static final String CSP = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  static final String JSON = "application/json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  final Request request;
  final Response response;
  final Callback callback;
  /** Whether the client asked for JSON rather than HTML. */
  final boolean json;

  Exchange(Request request, Response response, Callback callback) {
    this.request = request;
    this.response = response;
    this.callback = callback;
    this.json = wantsJson(request);
  }

  /** The request attribute holding the path as the client sent it (set by {@link IntakeHandler}). */
  static final String PATH = "az.disclose.inbox.web.path";

  /** The path the client asked for, within the server's context. */
  String path() {
    return request.getAttribute(PATH) instanceof String p ? p : Request.getPathInContext(request);
  }

  boolean get() {
    String method = request.getMethod();
    return HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method);
  }

  boolean committed() {
    return response.isCommitted();
  }

  /** The client's address (through the trusted proxies, when configured); empty when unknown. */
  String remoteAddress() {
    String address = Request.getRemoteAddr(request);
    return address == null ? "" : address;
  }

  void header(HttpHeader name, String value) {
    response.getHeaders().put(name, value);
  }

  void send(int status, String contentType, byte[] body) {
    response.setStatus(status);
    var headers = response.getHeaders();
    headers.put(HttpHeader.CONTENT_TYPE, contentType);
    headers.put("Content-Security-Policy", CSP);
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("Referrer-Policy", "no-referrer");
    headers.put("X-Frame-Options", "DENY");
    headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    headers.put("X-Robots-Tag", "noindex");
    headers.put(HttpHeader.CONTENT_LENGTH, body.length);
    boolean head = HttpMethod.HEAD.is(request.getMethod());
    response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
  }

  /**
   * A stored file as a download: never rendered by the browser ({@code Content-Disposition:
   * attachment}, {@code nosniff}, a sandboxing policy), never kept by a shared cache.
   */
  void sendDownload(String contentType, String disposition, byte[] body) {
    response.setStatus(HttpStatus.OK_200);
    var headers = response.getHeaders();
    headers.put(HttpHeader.CONTENT_TYPE, contentType);
    headers.put("Content-Disposition", disposition);
    headers.put("Content-Security-Policy", "default-src 'none'; sandbox");
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("Referrer-Policy", "no-referrer");
    headers.put("X-Frame-Options", "DENY");
    headers.put(HttpHeader.CACHE_CONTROL, "private, no-store");
    headers.put("X-Robots-Tag", "noindex");
    headers.put(HttpHeader.CONTENT_LENGTH, body.length);
    boolean head = HttpMethod.HEAD.is(request.getMethod());
    response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
  }

  void sendJson(int status, Object value) throws IOException {
    send(status, JSON + "; charset=utf-8", MAPPER.writeValueAsBytes(value));
  }

  void sendHtml(int status, String html) {
    send(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }

  /** An empty answer sending the client to {@code location}. */
  void redirect(int status, String location) {
    header(HttpHeader.LOCATION, location);
    send(status, "text/plain; charset=utf-8", new byte[0]);
  }

  /** A fixed plain-text answer for when the themed page cannot be made: never an exception's text. */
  void plainError(int status) {
    if (committed()) {
      callback.failed(new IOException("the answer failed after it was committed"));
      return;
    }
    try {
      response.reset();
      response.setStatus(status);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
      response.write(true, ByteBuffer.wrap((status + " " + HttpStatus.getMessage(status) + "\n")
          .getBytes(StandardCharsets.US_ASCII)), callback);
    } catch (Throwable again) {
      callback.failed(new IOException("no answer could be sent"));
    }
  }

  /** Whether the client asked for JSON rather than HTML. */
  static boolean wantsJson(Request request) {
    String accept = request.getHeaders().get(HttpHeader.ACCEPT);
    if (accept == null) {
      return false;
    }
    String a = accept.toLowerCase(Locale.ROOT);
    int j = a.indexOf(JSON);
    if (j < 0) {
      return false;
    }
    int h = a.indexOf("text/html");
    return h < 0 || j < h;
  }
}
