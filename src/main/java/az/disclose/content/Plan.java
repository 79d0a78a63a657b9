package az.disclose.content;

import java.util.List;
import java.util.stream.Stream;

/**
 * The Open Government work plan from {@code content/data/plan.yaml}; {@code en} and a section's
 * {@code titleEn} are the English texts of its optional {@code en:} blocks ("" for none).
 */
public record Plan(String title, String approvedBy, List<Section> sections, En en) {

  /** The English of the plan's title and approval line; "" for none. */
  public record En(String title, String approvedBy) {
    public static final En NONE = new En("", "");
  }

  public record Section(String number, String title, String titleEn, List<Measure> measures) {}

  public Stream<Measure> measures() {
    return sections.stream().flatMap(s -> s.measures().stream());
  }

  /** How many measures have each status, in the scale's order. */
  public List<StatusCount> statusCounts() {
    return Stream.of(Status.values())
        .map(st -> new StatusCount(st, (int) measures().filter(m -> m.status() == st).count()))
        .toList();
  }

  public int measureCount() {
    return (int) measures().count();
  }

  public record StatusCount(Status status, int count) {}
}
