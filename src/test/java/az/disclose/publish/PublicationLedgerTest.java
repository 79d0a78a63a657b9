package az.disclose.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import az.disclose.yaml.ProblemsException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publication ledger: what the build writes reads back the same; problems keep their lines. */
class PublicationLedgerTest {
  @TempDir Path dir;

  private static final Path FILE = Path.of("content/data/publication-ledger.yaml");
  private static final String LETTERS = "abcçdeəfgğhxıijkqlmnoöprsştuüvyz0123456789-";

  private static String randomPath(Random random) {
    StringBuilder slug = new StringBuilder();
    int length = 1 + random.nextInt(30);
    for (int i = 0; i < length; i++) {
      slug.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
    }
    return (random.nextBoolean() ? "/news/" : "/documents/") + slug + "/";
  }

  @Test
  void whatTheBuildWritesReadsBackAsTheSameEntries() throws Exception {
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      PublicationLedger ledger = PublicationLedger.empty(FILE);
      Map<String, Instant> published = new TreeMap<>();
      int count = 1 + random.nextInt(40);
      for (int j = 0; j < count; j++) {
        published.put(randomPath(random), Instant.ofEpochSecond(1_300_000_000L + random.nextInt(500_000_000), random.nextInt(1_000_000_000)));
      }
      PublicationLedger written = ledger.withFirstPublications(published);
      String yaml = written.toYaml();
      TreeMap<String, PublicationLedger.Entry> read = PublicationLedger.fromYaml(FILE, yaml);
      assertThat(read.keySet()).as(yaml).isEqualTo(published.keySet());
      for (Map.Entry<String, Instant> e : published.entrySet()) {
        assertThat(read.get(e.getKey()).instant()).as(e.getKey()).contains(e.getValue());
      }
    }
  }

  @Test
  void daysCarriedOverByHandAreRead() throws Exception {
    TreeMap<String, PublicationLedger.Entry> read = PublicationLedger.fromYaml(FILE, """
        # carried over from the old site
        published:
          "/news/a/": 2012-10-29
          "/news/b/": "2026-05-04T07:12:30Z"
        """);
    assertThat(read.get("/news/a/").day()).hasToString("2012-10-29");
    assertThat(read.get("/news/a/").instant()).isEmpty();
    assertThat(read.get("/news/b/").instant()).contains(Instant.parse("2026-05-04T07:12:30Z"));
  }

  @Test
  void aProblemInTheFileIsStillReportedWithItsLine() throws Exception {
    Fixtures.write(dir.resolve(PublicationLedger.FILE), """
        published:
          "/news/a/": 2012-10-29
          "/news/b/": 2012-13-40
        """);

    assertThatThrownBy(() -> PublicationLedger.load(dir))
        .isInstanceOf(ProblemsException.class)
        .satisfies(e -> assertThat(((ProblemsException) e).problems().get(0).toString())
            .contains("publication-ledger.yaml:3").contains("2012-13-40"));
  }

  @Test
  void whatTheBuildWritesItReadsBack() throws Exception {
    PublicationLedger ledger = PublicationLedger.load(dir);
    ledger.recordFirstPublications(Map.of("/news/ə/", Instant.parse("2026-05-04T07:12:30.5Z"), "/news/b/", Instant.parse("2026-05-05T00:00:00Z")));

    PublicationLedger again = PublicationLedger.load(dir);
    assertThat(again.entries()).extracting(PublicationLedger.Entry::sitePath, e -> e.instant().orElseThrow())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/news/b/", Instant.parse("2026-05-05T00:00:00Z")),
            org.assertj.core.groups.Tuple.tuple("/news/ə/", Instant.parse("2026-05-04T07:12:30.5Z")));
  }
}
