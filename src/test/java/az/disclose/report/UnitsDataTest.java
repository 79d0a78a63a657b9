package az.disclose.report;

import az.disclose.content.Units;
import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.yaml.Node;
import az.disclose.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped units (content/data/units.yaml), like PlanDataTest for the shipped plan: they load
 * against the shipped plan, and each unit executes exactly the measures whose executors in
 * content/data/plan.yaml name it.
 */
class UnitsDataTest {
  static final Path CONTENT = Path.of("content");

  /** How the plan's executors name each unit that has measures. */
  static final Map<String, String> NAMED_AS = Map.of(
      "aparat", "Aparatın rəhbəri",
      "kadrlar", "Kadrlar və sosial siyasət şöbəsi",
      "huquq", "Hüquqi münasibətlər və metrologiya şöbəsi",
      "umumi", "Ümumi şöbə",
      "elektron-idareetme", "Elektron İdarəetmə şöbəsi",
      "metbuat", "Mətbuat katibi",
      "enerji-nezaret", "struktura daxil olan idarələr",
      "qaz-nezaret", "struktura daxil olan idarələr");

  @Test
  void theShippedUnitsExecuteExactlyTheMeasuresThePlanNamesThemFor() throws Exception {
    Units units = new UnitsLoader().load(CONTENT).units();
    Map<String, String> executors = new LinkedHashMap<>();
    Node.Mapping plan = (Node.Mapping) new YamlReader().readFile(CONTENT.resolve("data/plan.yaml"));
    for (Node s : ((Node.Sequence) plan.entries().get("sections")).items()) {
      for (Node m : ((Node.Sequence) ((Node.Mapping) s).entries().get("measures")).items()) {
        Map<String, Node> e = ((Node.Mapping) m).entries();
        executors.put(((Node.Scalar) e.get("id")).text(), ((Node.Scalar) e.get("executors")).text());
      }
    }
    for (Units.Unit u : units.units()) {
      String name = NAMED_AS.get(u.id());
      List<String> expected = new ArrayList<>();
      if (name != null) {
        executors.forEach((id, text) -> {
          if (text.contains(name)) {
            expected.add(id);
          }
        });
      }
      assertThat(u.measures()).as("measures of %s", u.id()).containsExactlyElementsOf(expected);
    }
  }
}
