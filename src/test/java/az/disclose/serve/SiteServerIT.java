package az.disclose.serve;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.site.SiteBuilder;
import az.disclose.site.TestSites;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
  void missingPathsGetTheSitesOwn404Page() throws Exception {
    HttpResponse<String> missing = get("/yoxdur/");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("Səhifə tapılmadı");
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
}
