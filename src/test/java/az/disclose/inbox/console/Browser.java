package az.disclose.inbox.console;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser for the tests: keeps cookies (by name, as a browser on this host would, the {@code Secure}
 * ones too since the tests speak plain HTTP to 127.0.0.1), follows no redirect, and fills the CSRF
 * token of the last page into the forms it posts.
 */
final class Browser {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  final String base;
  final Map<String, String> cookies = new LinkedHashMap<>();
  final List<String> setCookies = new ArrayList<>();
  String csrf = "";
  String acceptLanguage = "";

  Browser(String base) {
    this.base = base;
  }

  HttpResponse<String> get(String path) throws Exception {
    HttpResponse<String> r = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    keep(r);
    return r;
  }

  HttpResponse<byte[]> bytes(String path) throws Exception {
    HttpResponse<byte[]> r = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    return r;
  }

  /** A url-encoded POST with the page's CSRF token added. */
  HttpResponse<String> post(String path, String... fields) throws Exception {
    String[] all = new String[fields.length + 2];
    all[0] = "csrf";
    all[1] = csrf;
    System.arraycopy(fields, 0, all, 2, fields.length);
    return postRaw(path, all);
  }

  /** A url-encoded POST of exactly these fields (no token unless given). */
  HttpResponse<String> postRaw(String path, String... fields) throws Exception {
    return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(encode(fields))).build());
  }

  HttpResponse<String> send(HttpRequest request) throws Exception {
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    keep(r);
    return r;
  }

  /** A multipart POST: text fields (with the CSRF token) and one file. */
  HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileName, String type,
      byte[] file) throws Exception {
    String boundary = "----console-test-boundary";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Map<String, String> all = new LinkedHashMap<>();
    all.put("csrf", csrf);
    all.putAll(fields);
    for (var e : all.entrySet()) {
      out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
          + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    if (fileName != null) {
      out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
          + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.writeBytes(file);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
  }

  HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (!cookies.isEmpty()) {
      b.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
    }
    if (!acceptLanguage.isEmpty()) {
      b.header("Accept-Language", acceptLanguage);
    }
    return b;
  }

  private void keep(HttpResponse<String> r) {
    for (String c : r.headers().allValues("Set-Cookie")) {
      setCookies.add(c);
      String pair = c.split(";", 2)[0];
      int eq = pair.indexOf('=');
      String name = pair.substring(0, eq);
      String value = pair.substring(eq + 1);
      if (c.contains("Max-Age=0")) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
    Matcher m = CSRF.matcher(r.body() == null ? "" : r.body());
    if (m.find()) {
      csrf = m.group(1);
    }
  }

  static String encode(String... fields) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i + 1 < fields.length; i += 2) {
      if (b.length() > 0) {
        b.append('&');
      }
      b.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
    }
    return b.toString();
  }

  /** The last Set-Cookie header naming {@code name}. */
  String setCookie(String name) {
    for (int i = setCookies.size() - 1; i >= 0; i--) {
      if (setCookies.get(i).startsWith(name + "=")) {
        return setCookies.get(i);
      }
    }
    throw new AssertionError("no Set-Cookie for " + name + " in " + setCookies);
  }
}
