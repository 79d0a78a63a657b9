package az.disclose.publish;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.cli.Main;
import az.disclose.site.TestSites;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentCheckTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private static final Clock MAY_10 = Fixtures.bakuAt(2026, 5, 10, 12, 0);

  @BeforeEach
  void capture() {
    oldOut = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(oldOut);
  }

  private List<Finding> check(Path content) throws Exception {
    return new ContentCheck(MAY_10, false).run(content).findings();
  }

  @Test
  void aConfidentialItemIsLeftOutOfEveryRule() throws Exception {
    Path content = Fixtures.content(dir);
    Fixtures.write(content.resolve("news/gizli.md"), """
        ---
        title: "Daxili"
        date: 2026-01-01
        event_date: 2025-12-01
        confidential: true
        ---

        MƏXFİ. Əlaqə: +994 50 123 45 67.
        """);
    assertThat(check(content)).isEmpty();
  }

  @Test
  void anEnglishTranslationIsCheckedForPersonalDataAndMarkersButNotForAzerbaijaniSpelling() throws Exception {
    Path content = Fixtures.content(dir);
    Fixtures.write(content.resolve("news/x.md"), Fixtures.news("2026-05-09", "2026-05-08", "Nazirlik məlumat verdi."));
    Fixtures.write(content.resolve("news/x.en.md"), """
        ---
        title: "The Ministry reported"
        ---

        The Ministry reported. Call +994 50 123 45 67 for details.
        """);

    List<Finding> findings = check(content).stream().filter(f -> f.file().getFileName().toString().equals("x.en.md")).toList();

    assertThat(findings).extracting(Finding::rule).containsExactly("personal-data");
  }

  @Test
  void markersInTitlesAndBodiesAreErrorsWithTheirLine() throws Exception {
    Path content = Fixtures.content(dir);
    Fixtures.write(content.resolve("news/x.md"), Fixtures.news("2026-05-09", "2026-05-08", "Nazirlik məlumat verdi.\n\nSənəd: XİDMƏTİ İSTİFADƏ ÜÇÜN"));
    assertThat(check(content)).filteredOn(f -> f.severity() == Severity.ERROR)
        .extracting(Finding::toString)
        .containsExactly(dir.resolve("news/x.md") + ":9: error [confidential-marker] confidential marker \"XİDMƏTİ İSTİFADƏ ÜÇÜN\""
            + " (xidməti istifadə üçün): rule 4.3 allows only open information to be published — remove the confidential text,"
            + " or set 'confidential: true' so that the item is never published; if the word is quoted on purpose, allow that line in"
            + " data/check.yaml with the reason");
  }

  @Test
  void theAllowListAcceptsANamedQuotationAndWarnsAboutEntriesThatMatchNothing() throws Exception {
    Path content = Fixtures.content(dir);
    Fixtures.write(content.resolve("documents/qaydalar.md"), """
        ---
        title: "Qaydalar"
        date: 2026-05-09
        ---

        - 4.3. Tərkibində məxfi və konfidensial informasiya olmamalıdır.
        - Bu sənəd məxfi deyil.
        """);
    Fixtures.write(content.resolve("data/check.yaml"), """
        allow:
          - file: documents/qaydalar.md
            rule: confidential-marker
            text: "məxfi və konfidensial informasiya olmamalıdır"
            reason: "rule 4.3 quoted"
          - file: documents/yoxdur.md
            rule: personal-data
            reason: "old"
        """);
    List<Finding> findings = check(content);
    assertThat(findings).filteredOn(f -> f.rule().equals("confidential-marker"))
        .singleElement().satisfies(f -> assertThat(f.line()).isEqualTo(7)); // the unquoted line is still an error
    assertThat(findings).filteredOn(f -> f.rule().equals("allow-unused")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.file()).isEqualTo(content.resolve("data/check.yaml"));
      assertThat(f.line()).isEqualTo(6);
    });
  }

  @Test
  void checkSettingsAreStrict() throws Exception {
    Path content = Fixtures.content(dir);
    Fixtures.write(content.resolve("data/check.yaml"), """
        max_sentence_words: lots
        allow:
          - file: news/x.md
            rule: spelling
            reason: "x"
        colour: red
        """);
    assertThat(check(content)).extracting(Finding::toString).anySatisfy(s -> assertThat(s).contains("check.yaml:1: error [content] 'max_sentence_words' must be a whole number"))
        .anySatisfy(s -> assertThat(s).contains("check.yaml:4: error [content] allow[1]: unknown rule 'spelling'"))
        .anySatisfy(s -> assertThat(s).contains("check.yaml:6: error [content] unknown key 'colour'"));
  }

  @Test
  void theLedgerDecidesWhenAnItemWentLive() throws Exception {
    Path content = Fixtures.content(dir);
    Fixtures.write(content.resolve("news/gec.md"), Fixtures.news("2026-05-02", "2026-05-01", "Nazirlik məlumat verdi."));
    assertThat(check(content)).filteredOn(f -> f.rule().equals("three-day-window")).isEmpty();
    Fixtures.write(content.resolve("data/publication-ledger.yaml"), "published:\n  \"/news/gec/\": 2026-05-06\n");
    assertThat(check(content)).filteredOn(f -> f.rule().equals("three-day-window")).singleElement().satisfies(f -> {
      assertThat(f.line()).isEqualTo(4);
      assertThat(f.message()).contains("/news/gec/ went live 5 days after", "2 days late");
    });
  }

  private int run(String... args) {
    return Main.run(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theTestSiteHasNoErrors() {
    int code = run("check", "--content", TestSites.CONTENT.toString());
    assertThat(code).as(out()).isEqualTo(Main.OK);
    assertThat(out()).contains("0 errors").doesNotContain(": error ");
  }

  @Test
  void anErrorExitsWithOneAndJsonListsTheFindings() throws Exception {
    Path content = Fixtures.copyTestSite(dir);
    Fixtures.write(content.resolve("news/telefon.md"), Fixtures.news("2012-11-01", "2012-10-31",
        "Nazirlik məlumat verdi. Əlaqə: 050 123 45 67."));
    assertThat(run("check", "--content", content.toString())).isEqualTo(Main.PROBLEMS);
    assertThat(out()).contains("telefon.md:7: error [personal-data] phone number 05• ••• •• •• must not be published");
    out.reset();
    assertThat(run("check", "--content", content.toString(), "--format", "json")).isEqualTo(Main.PROBLEMS);
    JsonNode json = new ObjectMapper().readTree(out());
    assertThat(json.isArray()).isTrue();
    JsonNode first = json.get(0);
    assertThat(first.get("file").asText()).endsWith("content/news/telefon.md");
    assertThat(first.get("line").asInt()).isEqualTo(7);
    assertThat(first.get("severity").asText()).isEqualTo("error");
    assertThat(first.get("rule").asText()).isEqualTo("personal-data");
    assertThat(first.get("advice").asText()).isNotEmpty();
  }

  @Test
  void warningsAloneExitWithZero() {
    Path content = Fixtures.copyTestSite(dir);
    Fixtures.write(content.resolve("news/soz.md"), Fixtures.news("2012-11-01", "2012-10-31", "Nazirlik qlobbarızm barədə məlumat verdi."));
    assertThat(run("check", "--content", content.toString())).isEqualTo(Main.OK);
    assertThat(out()).contains("soz.md:7: warning [unknown-word] 'qlobbarızm'");
  }

  @Test
  void aMissingContentDirectoryIsAUsageError() {
    assertThat(run("check", "--content", dir.resolve("nope").toString())).isEqualTo(Main.USAGE);
  }

  @Test
  void aReasonInTheFrontMatterMakesTheErrorsItAcceptsWarningsThatCarryIt() throws Exception {
    Path content = Fixtures.content(dir);
    Fixtures.write(content.resolve("news/gec.md"), """
        ---
        title: "Görüş"
        date: 2026-05-09
        event_date: 2026-05-01
        late_reason: "Fotolar gec çatdı"
        publish_despite: "Nazirliyin rəsmi qaynar xətt nömrəsidir"
        ---

        Qaynar xətt: +994 50 123 45 67. Bu sənəd məxfidir.
        """);
    List<Finding> found = check(content);
    assertThat(found).filteredOn(f -> f.severity() == Severity.ERROR).isEmpty();
    assertThat(found).anySatisfy(f -> {
      assertThat(f.rule()).isEqualTo(Rules.WINDOW);
      assertThat(f.message()).contains("late_reason: Fotolar gec çatdı");
    });
    assertThat(found).filteredOn(f -> f.rule().equals(Rules.PERSONAL_DATA) || f.rule().equals(Rules.CONFIDENTIAL))
        .hasSize(2).allSatisfy(f -> assertThat(f.message()).contains("publish_despite: Nazirliyin rəsmi qaynar xətt nömrəsidir"));
  }

  @Test
  void aReasonForOneRuleDoesNotExcuseAnother() throws Exception {
    Path content = Fixtures.content(dir);
    Fixtures.write(content.resolve("news/gec.md"), """
        ---
        title: "Görüş"
        date: 2026-05-09
        event_date: 2026-05-01
        late_reason: "Fotolar gec çatdı"
        ---

        Bu sənəd məxfidir.
        """);
    assertThat(check(content)).filteredOn(f -> f.severity() == Severity.ERROR).singleElement()
        .satisfies(f -> assertThat(f.rule()).isEqualTo(Rules.CONFIDENTIAL));
  }
}
