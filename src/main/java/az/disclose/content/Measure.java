package az.disclose.content;

import java.util.List;

/**
 * One measure of the work plan.
 *
 * @param id the plan's number, e.g. {@code 2.3}
 * @param executors the executors exactly as the order lists them
 * @param statusSource where {@code status} comes from: empty for data/plan.yaml, else the units'
 *     reports it was taken from (e.g. {@code 2027-01/2}), see {@link PlanProgress}
 * @param en the English of its texts from the measure's optional {@code en:} block (empty strings
 *     where there is none: the English pages then show the Azerbaijani text, marked so)
 */
public record Measure(
    String id,
    String text,
    String executors,
    Term term,
    Status status,
    List<ProgressNote> progress,
    String statusSource,
    En en) {

  /** The English of a measure's texts ({@code en: {text: ..., executors: ...}}); "" for none. */
  public record En(String text, String executors) {
    public static final En NONE = new En("", "");
  }

  /** A measure as data/plan.yaml states it, without English texts. */
  public Measure(String id, String text, String executors, Term term, Status status, List<ProgressNote> progress) {
    this(id, text, executors, term, status, progress, "", En.NONE);
  }

  /** {@code 2.3} becomes {@code 2-3}. */
  public String slug() {
    return id.replace('.', '-');
  }

  public String url() {
    return "/plan/" + slug() + "/";
  }
}
