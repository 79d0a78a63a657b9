package az.disclose.content;

import java.util.List;

/**
 * One measure of the work plan.
 *
 * @param id the plan's number, e.g. {@code 2.3}
 * @param executors the executors exactly as the order lists them
 */
public record Measure(
    String id,
    String text,
    String executors,
    Term term,
    Status status,
    List<ProgressNote> progress) {

  /** {@code 2.3} becomes {@code 2-3}. */
  public String slug() {
    return id.replace('.', '-');
  }

  public String url() {
    return "/plan/" + slug() + "/";
  }
}
