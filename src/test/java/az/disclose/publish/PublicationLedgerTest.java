package az.disclose.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import az.disclose.yaml.ProblemsException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger's usual form is read without the YAML library, exactly as the YAML library reads it. */
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

  /** A ledger as the build writes it, with days (carried over by hand) and instants. */
  private static String randomLedger(Random random) throws Exception {
    PublicationLedger ledger = PublicationLedger.empty(FILE);
    Map<String, Instant> published = new TreeMap<>();
    int count = 1 + random.nextInt(40); // none is written "published: {}", left to the YAML library
    for (int i = 0; i < count; i++) {
      published.put(randomPath(random), Instant.ofEpochSecond(1_300_000_000L + random.nextInt(500_000_000), random.nextInt(1_000_000_000)));
    }
    String yaml = ledger.withFirstPublications(published).toYaml();
    // Some entries carried over by hand as a day.
    return random.nextBoolean() ? yaml : yaml.replaceAll("\"(\\d{4}-\\d{2}-\\d{2})T[^\"]*\"", "$1");
  }

  @Test
  void theUsualFormReadsAsTheYamlLibraryReadsIt() throws Exception {
    Random random = new Random(7);
    for (int i = 0; i < 500; i++) {
      String yaml = randomLedger(random);
      TreeMap<String, PublicationLedger.Entry> usual = PublicationLedger.usualForm(yaml);
      assertThat(usual).as(yaml).isNotNull();
      assertThat(usual).as(yaml).isEqualTo(PublicationLedger.fromYaml(FILE, yaml));
    }
  }

  @Test
  void anythingElseIsLeftToTheYamlLibrary() {
    String head = "# comment\npublished:\n";
    for (String other : List.of(
        "published: {}\n",
        "---\npublished:\n  \"/news/a/\": 2012-10-29\n",
        head + "  /news/a/: 2012-10-29\n",
        head + "  \"/news/a/\": 2026-05-04T07:12:30Z\n",
        head + "  \"/news/a/\": \"2026-05-04T07:12:30Z\" # note\n",
        head + "  \"/news/a/\": 2012-10-29\r\n",
        head + "  \"/news/a\\\"b/\": 2012-10-29\n",
        head + "  \"/news/a/\": 2012-10-29\n  \"/news/a/\": 2012-10-30\n",
        head + "  \"/news/a/\": 2012-13-29\n",
        head + "  \"news/a/\": 2012-10-29\n",
        head + "    \"/news/a/\": 2012-10-29\n",
        head + "  # a comment inside\n  \"/news/a/\": 2012-10-29\n",
        head + "  \"/news/a/\": 2012-10-29\nother: 1\n",
        "# only comments\n")) {
      assertThat(PublicationLedger.usualForm(other)).as(other).isNull();
    }
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
