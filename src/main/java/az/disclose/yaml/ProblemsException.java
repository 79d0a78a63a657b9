package az.disclose.yaml;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when input files have problems; carries all of them, sorted by file and line. */
public final class ProblemsException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  public ProblemsException(List<Problem> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems.stream().sorted().toList());
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String summary(List<Problem> problems) {
    return problems.size()
        + (problems.size() == 1 ? " problem" : " problems")
        + ":\n"
        + problems.stream().sorted().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
