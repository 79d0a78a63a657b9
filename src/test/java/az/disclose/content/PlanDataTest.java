package az.disclose.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped work plan (content/data/plan.yaml) against the seed's own table
 * (src/test/resources/seed/ministry-order-2012.txt, a copy of the order): every section, measure,
 * executor list and deadline must be there, in the seed's order and pairing.
 *
 * <p>The only test that reads the live content/, and only for the order's facts, which no edit of the
 * ministry's may change: texts, executors and periods. What staff do change (statuses, progress notes,
 * news, the commission) is never asserted here; other tests use the test site under
 * src/test/resources/sites.
 */
class PlanDataTest {
  private static final Path SEED = Path.of("src/test/resources/seed/ministry-order-2012.txt");
  private static final Path SHIPPED_CONTENT = Path.of("content");
  private static final Pattern CELL = Pattern.compile("<p>(.*?)</p>", Pattern.DOTALL);
  private static final Pattern MEASURE_START = Pattern.compile("^(\\d\\.\\d)\\.\\s+(.*)$", Pattern.DOTALL);

  /** What the seed's table says, section by section. */
  record SeedSection(String title, Map<String, String> measures, List<String> executors, List<String> deadlines) {}

  static List<SeedSection> seed;
  static Plan plan;

  @BeforeAll
  static void load() throws Exception {
    seed = parseSeedTable(Files.readString(SEED, StandardCharsets.UTF_8));
    plan = new ContentLoader().load(SHIPPED_CONTENT).plan();
  }

  static List<SeedSection> parseSeedTable(String text) {
    int start = text.indexOf("No\tGörüləcək işlər");
    int end = text.indexOf("İnformasiya azadlığı ilə bağlı daxili icraat qaydaları", start);
    String table = text.substring(start, end);
    String[] rows = table.split("(?m)^(?=\\d\\.\\t)");
    List<SeedSection> sections = new ArrayList<>();
    for (String row : rows) {
      if (!row.matches("(?s)^\\d\\.\\t.*")) {
        continue;
      }
      List<String> cells = new ArrayList<>();
      Matcher m = CELL.matcher(row);
      while (m.find()) {
        cells.add(norm(m.group(1)));
      }
      String title = cells.get(0);
      Map<String, String> measures = new LinkedHashMap<>();
      List<String> executors = new ArrayList<>();
      List<String> deadlines = new ArrayList<>();
      String lastMeasure = null;
      for (String cell : cells.subList(1, cells.size())) {
        Matcher measure = MEASURE_START.matcher(cell);
        if (measure.matches()) {
          lastMeasure = measure.group(1);
          measures.put(lastMeasure, measure.group(2));
        } else if (Term.parse(cell).isPresent()) {
          deadlines.add(cell);
        } else if (Character.isLowerCase(cell.charAt(0))) {
          // A measure's text continued after a page break in the source.
          measures.merge(lastMeasure, cell, (a, b) -> a + " " + b);
        } else {
          executors.add(cell);
        }
      }
      sections.add(new SeedSection(title, measures, executors, deadlines));
    }
    return sections;
  }

  private static String norm(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  /** The seed ends measures with ';' or '.'; the plan data drops that terminator only. */
  private static String withoutTerminator(String s) {
    return s.endsWith(";") || s.endsWith(".") && !s.endsWith("s.") ? s.substring(0, s.length() - 1) : s;
  }

  @Test
  void seedTableHasFiveSectionsAndSixteenMeasures() {
    assertThat(seed).hasSize(5);
    assertThat(seed.stream().mapToInt(s -> s.measures().size()).sum()).isEqualTo(16);
    assertThat(seed).allSatisfy(s -> {
      assertThat(s.executors()).hasSameSizeAs(s.measures().keySet());
      assertThat(s.deadlines()).hasSameSizeAs(s.measures().keySet());
    });
  }

  @Test
  void planHasTheSeedsSectionsInOrder() {
    assertThat(plan.sections()).extracting(Plan.Section::title)
        .containsExactlyElementsOf(seed.stream().map(SeedSection::title).toList());
    assertThat(plan.sections()).extracting(Plan.Section::number).containsExactly("1", "2", "3", "4", "5");
  }

  @Test
  void everyMeasureHasTheSeedsTextExecutorsAndDeadline() {
    for (int i = 0; i < seed.size(); i++) {
      SeedSection s = seed.get(i);
      List<Measure> measures = plan.sections().get(i).measures();
      assertThat(measures).extracting(Measure::id).containsExactlyElementsOf(s.measures().keySet());
      List<String> ids = List.copyOf(s.measures().keySet());
      for (int k = 0; k < measures.size(); k++) {
        Measure m = measures.get(k);
        assertThat(m.text()).as("text of %s", m.id()).isEqualTo(withoutTerminator(s.measures().get(ids.get(k))));
        assertThat(m.executors()).as("executors of %s", m.id()).isEqualTo(s.executors().get(k));
        assertThat(m.term().text()).as("deadline of %s", m.id()).isEqualTo(s.deadlines().get(k));
      }
    }
  }

  @Test
  void deadlinesAreParsedIntoPeriodsOrRegular() {
    Map<String, Measure> byId = new LinkedHashMap<>();
    plan.measures().forEach(m -> byId.put(m.id(), m));
    assertThat(byId.get("1.1").term()).isEqualTo(new Term("2012-2014-cü illər", false, 2012, 2014));
    assertThat(byId.get("3.2").term()).isEqualTo(new Term("2012-2013-cü illər", false, 2012, 2013));
    assertThat(byId.get("2.1").term().regular()).isTrue();
    assertThat(byId.get("5.1").term()).isEqualTo(new Term("Mütəmadi", true, 0, 0));
    assertThat(plan.measures().filter(m -> m.term().regular()).count()).isEqualTo(6);
  }
}
