package az.disclose.content;

import java.time.LocalDate;
import java.util.List;

/**
 * A dated note on a measure's progress, with links to its evidence (site paths or URLs): from
 * {@code data/plan.yaml} (one link at most, {@code source} empty) or from a unit's twice-monthly
 * report ({@code source} names the unit and the half-month).
 */
public record ProgressNote(LocalDate date, String text, List<String> links, String source) {
  public ProgressNote {
    links = List.copyOf(links);
  }

  /** A note of data/plan.yaml: {@code evidence} empty for none. */
  public ProgressNote(LocalDate date, String text, String evidence) {
    this(date, text, evidence.isEmpty() ? List.of() : List.of(evidence), "");
  }

  /** The first evidence link, or empty. */
  public String evidence() {
    return links.isEmpty() ? "" : links.get(0);
  }
}
