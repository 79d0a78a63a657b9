package az.disclose.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LiveReloadTest {
  private static String inject(String page) {
    return new String(LiveReload.inject(page.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  @Test
  void theScriptGoesBeforeTheLastClosingBodyTagInAnyCase() {
    String page = """
        <!doctype html>
        <html lang="az"><body>
        <p>Kod nümunəsi: &lt;/body&gt; və <code></body></code></p>
        </BODY>
        </html>
        """;
    assertThat(inject(page)).isEqualTo("""
        <!doctype html>
        <html lang="az"><body>
        <p>Kod nümunəsi: &lt;/body&gt; və <code></body></code></p>
        <script src="/_disclose/live-reload.js" defer></script></BODY>
        </html>
        """);
  }

  @Test
  void aPageWithoutABodyEndGetsTheScriptAtItsEnd() {
    assertThat(inject("<p>Salam")).isEqualTo("<p>Salam" + LiveReload.SCRIPT_TAG);
    assertThat(inject("")).isEqualTo(LiveReload.SCRIPT_TAG);
  }

  @Test
  void theBytesAroundTheScriptAreKeptAsTheyAre() {
    byte[] latin1 = "<p>\u00e7\u00f6\u00fc</p></body>".getBytes(StandardCharsets.ISO_8859_1);
    byte[] out = LiveReload.inject(latin1);
    assertThat(out).hasSize(latin1.length + LiveReload.SCRIPT_TAG.length());
    assertThat(new String(out, StandardCharsets.ISO_8859_1)).isEqualTo("<p>\u00e7\u00f6\u00fc</p>" + LiveReload.SCRIPT_TAG + "</body>");
  }

  @Test
  void aDirectoryIndexAndItsDirectoryAreTheSamePage() {
    assertThat(LiveReload.normal("/news/x/index.html")).isEqualTo("/news/x/");
    assertThat(LiveReload.normal("news/x/")).isEqualTo("/news/x/");
    assertThat(LiveReload.normal("index.html")).isEqualTo("/");
    assertThat(LiveReload.normal("/feed.xml")).isEqualTo("/feed.xml");
  }
}
