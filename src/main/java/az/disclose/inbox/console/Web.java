package az.disclose.inbox.console;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * One request/response pair of the console and the ways to answer it. Every answer carries the
 * security headers ({@link #CSP} without inline script, no framing, no sniffing, never cached).
 */
final class Web {
  /** Scripts, styles and forms from the console's own origin only; no inline script; never framed. */
  static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
      + " base-uri 'none'; frame-ancestors 'none'";
  /** A downloaded file may not run anything even if a browser shows it. */
  static final String DOWNLOAD_CSP = "default-src 'none'; sandbox";
  /** The most bytes of a form without files. */
  static final int MAX_FORM_BYTES = 256 * 1024;
  /** The most fields of a form. */
  static final int MAX_FORM_FIELDS = 100;
  /** The most bytes of a form with files (an answer and its attachments). */
  static final long MAX_MULTIPART_BYTES = 30L * 1024 * 1024;
  /** The most files of an answer. */
  static final int MAX_FILES = 10;

  final Request request;
  final Response response;
  final Callback callback;
  /** The path below the console's prefix, starting with '/'. */
  final String path;

  Web(Request request, Response response, Callback callback, String path) {
    this.request = request;
    this.response = response;
    this.callback = callback;
    this.path = path;
  }

  boolean isGet() {
    return HttpMethod.GET.is(request.getMethod()) || HttpMethod.HEAD.is(request.getMethod());
  }

  boolean isPost() {
    return HttpMethod.POST.is(request.getMethod());
  }

  Optional<String> header(String name) {
    return Optional.ofNullable(request.getHeaders().get(name));
  }

  Optional<String> cookie(String name) {
    for (HttpCookie c : Request.getCookies(request)) {
      if (c.getName().equals(name)) {
        return Optional.of(c.getValue());
      }
    }
    return Optional.empty();
  }

  /** A query parameter, stripped; empty text when missing. */
  String query(String name) {
    Fields f = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
    String v = f.getValue(name);
    return v == null ? "" : v.strip();
  }

  String remoteAddress() {
    String a = Request.getRemoteAddr(request);
    return a == null ? "" : a;
  }

  /** The submitted form (url-encoded, or multipart with files), within the limits above. */
  Form form() throws IOException, FormTooLarge {
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
    long length = request.getLength();
    try {
      if (t.startsWith("multipart/form-data")) {
        if (length > MAX_MULTIPART_BYTES) {
          throw new FormTooLarge();
        }
        MultiPartConfig config = new MultiPartConfig.Builder().maxParts(MAX_FORM_FIELDS + MAX_FILES)
            .maxSize(MAX_MULTIPART_BYTES).maxPartSize(MAX_MULTIPART_BYTES).maxMemoryPartSize(MAX_MULTIPART_BYTES)
            .build();
        MultiPartFormData.Parts parts = MultiPartFormData.getParts(request, request, type, config);
        Map<String, String> fields = new LinkedHashMap<>();
        List<Form.Upload> files = new ArrayList<>();
        for (MultiPart.Part p : parts) {
          if (p.getFileName() != null) {
            if (p.getFileName().isEmpty() && p.getLength() == 0) {
              continue; // a file input left empty
            }
            if (files.size() >= MAX_FILES) {
              throw new FormTooLarge();
            }
            // ISO-8859-1 maps every byte to one char and back: the part's bytes exactly
            byte[] bytes = p.getContentAsString(StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1);
            String ct = p.getHeaders().get(HttpHeader.CONTENT_TYPE);
            files.add(new Form.Upload(p.getName(), p.getFileName(), ct == null ? "application/octet-stream" : ct, bytes));
          } else {
            fields.putIfAbsent(p.getName(), p.getContentAsString(StandardCharsets.UTF_8));
          }
        }
        return new Form(fields, files);
      }
      if (length > MAX_FORM_BYTES) {
        throw new FormTooLarge();
      }
      Fields f = FormFields.getFields(request, MAX_FORM_FIELDS, MAX_FORM_BYTES);
      Map<String, String> fields = new LinkedHashMap<>();
      for (Fields.Field field : f) {
        fields.put(field.getName(), field.getValue());
      }
      return new Form(fields, List.of());
    } catch (FormTooLarge e) {
      throw e;
    } catch (RuntimeException e) {
      // Jetty's parsers throw unchecked exceptions for a body over a limit or malformed
      org.slf4j.LoggerFactory.getLogger(Web.class).warn("console: a form was refused: {}", e.toString());
      throw new FormTooLarge();
    }
  }

  /** A form over the limits, or malformed. */
  static final class FormTooLarge extends Exception {
    private static final long serialVersionUID = 1L;

    FormTooLarge() {
      super("the form is too large or malformed", null, false, false);
    }
  }

  private void securityHeaders(String csp) {
    var h = response.getHeaders();
    h.put("Content-Security-Policy", csp);
    h.put("X-Content-Type-Options", "nosniff");
    h.put("X-Frame-Options", "DENY");
    // Not no-referrer: under it browsers send "Origin: null" with a form's POST, which the origin
    // check must refuse; same-origin keeps addresses (request numbers) from leaving the console.
    h.put("Referrer-Policy", "same-origin");
    h.put(HttpHeader.CACHE_CONTROL, "no-store");
    h.put("X-Robots-Tag", "noindex, nofollow");
    h.put("Cross-Origin-Opener-Policy", "same-origin");
  }

  void addCookie(String setCookie) {
    response.getHeaders().add(HttpHeader.SET_COOKIE, setCookie);
  }

  void send(int status, String contentType, byte[] body, String csp) {
    response.setStatus(status);
    securityHeaders(csp);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    boolean head = HttpMethod.HEAD.is(request.getMethod());
    response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
  }

  void html(int status, String html) {
    send(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), CSP);
  }

  /** 303 to {@code location} (after a POST the browser GETs it). */
  void redirect(String location) {
    response.getHeaders().put(HttpHeader.LOCATION, location);
    send(303, "text/plain; charset=utf-8", new byte[0], CSP);
  }

  /** A file to save, never to show: its type is octet-stream, its name RFC 5987-encoded. */
  void download(String fileName, byte[] bytes) {
    response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename=\"" + asciiName(fileName)
        + "\"; filename*=UTF-8''" + percent(fileName));
    send(200, "application/octet-stream", bytes, DOWNLOAD_CSP);
  }

  static String asciiName(String name) {
    StringBuilder b = new StringBuilder();
    for (char c : name.toCharArray()) {
      b.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '/' && c != ';' ? c : '_');
    }
    return b.isEmpty() ? "file" : b.toString();
  }

  static String percent(String s) {
    StringBuilder b = new StringBuilder();
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
        b.append((char) c);
      } else {
        b.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return b.toString();
  }
}
