package az.disclose.serve;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.site.SiteBuilder;
import az.disclose.site.TestSites;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteServerIT {
  @TempDir Path dir;
  Server server;
  String base;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void buildAndServe() throws Exception {
    TestSites.copyProject(dir);
    new SiteBuilder(dir.resolve("content"), dir.resolve("theme"), dir.resolve("site")).build();
    server = SiteServer.create("127.0.0.1", 0, dir.resolve("site"));
    server.start();
    base = "http://127.0.0.1:" + SiteServer.port(server);
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesTheHomePageAndDirectoryIndexesAsUtf8Html() throws Exception {
    HttpResponse<String> home = get("/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    assertThat(home.body()).contains("Son xəbərlər");
    assertThat(get("/plan/").body()).contains("İcra müddəti");
    assertThat(get("/feed.xml").statusCode()).isEqualTo(200);
  }

  @Test
  void aBrowserRevisitingAPageWithItsDateGetsNotModifiedNeverAnError() throws Exception {
    HttpResponse<String> first = get("/plan/");
    String lastModified = first.headers().firstValue("last-modified").orElseThrow();
    HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(base + "/plan/"))
        .header("If-Modified-Since", lastModified).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void missingPathsGetTheSitesOwn404Page() throws Exception {
    HttpResponse<String> missing = get("/yoxdur/");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("Səhifə tapılmadı");
  }

  @Test
  void missingEnglishPathsGetTheEnglish404PageAndOthersTheAzerbaijaniOne() throws Exception {
    HttpResponse<String> missing = get("/en/news/no-such-item/");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("lang=\"en\"", "Page not found").doesNotContain("Səhifə tapılmadı");
    // "/english/" is not under /en/
    assertThat(get("/english/").body()).contains("Səhifə tapılmadı");
    // a site without English pages: the Azerbaijani page for /en/ paths too
    Files.delete(dir.resolve("site/en/404.html"));
    assertThat(get("/en/yoxdur/").body()).contains("Səhifə tapılmadı");
  }

  @Test
  void aRebuildIsServedWithoutRestarting() throws Exception {
    Path news = dir.resolve("content/news/komissiya-yaradildi.md");
    TestSites.write(news, TestSites.read(news).replace("Komissiya 14 nəfərdən", "Komissiya on dörd nəfərdən"));
    new SiteBuilder(dir.resolve("content"), dir.resolve("theme"), dir.resolve("site")).build();
    assertThat(get("/news/komissiya-yaradildi/").body()).contains("on dörd nəfərdən");
  }

  @Test
  void behindAProxyTheClientAddressComesFromTheForwardingHeaderAndOtherwiseNot() throws Exception {
    for (boolean behindProxy : new boolean[] {true, false}) {
      Server echo = SiteServer.bare("127.0.0.1", 0, behindProxy);
      echo.setHandler(new Handler.Abstract() {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
          Content.Sink.write(response, true, Request.getRemoteAddr(request), callback);
          return true;
        }
      });
      echo.start();
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SiteServer.port(echo) + "/"))
            .header("X-Forwarded-For", "203.0.113.7").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).isEqualTo(behindProxy ? "203.0.113.7" : "127.0.0.1");
      } finally {
        echo.stop();
      }
    }
  }

  /** Plants links in the built site to a private file and directory outside it (as a hostile deploy step could). */
  private Path plantLinks() throws Exception {
    Path secret = dir.resolve("private/register.log");
    TestSites.write(secret, "Aysel Məmmədova aysel@example.az: şikayət mətni\n");
    Files.createDirectories(dir.resolve("site/files"));
    Files.createSymbolicLink(dir.resolve("site/files/register.pdf"), secret);
    Files.createSymbolicLink(dir.resolve("site/leak.html"), secret);
    Files.createSymbolicLink(dir.resolve("site/private"), secret.getParent());
    // A link in place of a page's directory and of a welcome file.
    Files.createDirectories(dir.resolve("site/linked"));
    Files.createSymbolicLink(dir.resolve("site/linked/index.html"), secret);
    return secret;
  }

  @Test
  void aSymbolicLinkInsideTheSiteIsNeverFollowedWithOrWithoutLiveReload() throws Exception {
    plantLinks();
    for (LiveReload reload : new LiveReload[] {null, new LiveReload()}) {
      Server other = SiteServer.create("127.0.0.1", 0, dir.resolve("site"), false, reload);
      other.start();
      try {
        String at = "http://127.0.0.1:" + SiteServer.port(other);
        for (String path : List.of("/files/register.pdf", "/leak.html", "/private/register.log", "/private/", "/linked/",
            "/linked/index.html")) {
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(at + path)).build(), HttpResponse.BodyHandlers.ofString());
          assertThat(r.statusCode()).as("%s (live reload %s)", path, reload != null).isEqualTo(404);
          assertThat(r.body()).as(path).doesNotContain("aysel@example.az").contains("Səhifə tapılmadı");
        }
        // The real files beside them are served as ever.
        HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(at + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).isEqualTo(200);
      } finally {
        other.stop();
      }
    }
  }

  @Test
  void noDotfileIsEverServedHoweverItIsSpelled() throws Exception {
    assertThat(dir.resolve("site/.disclose-output")).exists();
    TestSites.write(dir.resolve("site/.env"), "DATABASE_PASSWORD=gizli\n");
    TestSites.write(dir.resolve("site/.git/config"), "[remote \"origin\"]\n");
    TestSites.write(dir.resolve("site/files/.hidden/x.txt"), "gizli\n");
    for (String path : List.of("/.disclose-output", "/.env", "/.git/config", "/.git/", "/%2Eenv", "/%2edisclose-output",
        "/files/.hidden/x.txt", "/files/%2Ehidden/x.txt")) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isIn(400, 404);
      assertThat(r.body()).as(path).doesNotContain("gizli", "origin", "written by disclose");
    }
    assertThat(get("/.env").statusCode()).isEqualTo(404);
    assertThat(get("/.disclose-output").statusCode()).isEqualTo(404);
    assertThat(get("/files/.hidden/x.txt").statusCode()).isEqualTo(404);
  }
}
