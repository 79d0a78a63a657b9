package az.disclose.cli;

import az.disclose.yaml.Problem;
import az.disclose.yaml.ProblemsException;
import java.io.PrintWriter;

/**
 * How a command reports a failure on standard error and which exit code it returns: each problem
 * of invalid settings or data on its own line ({@link Main#PROBLEMS}), bad input as
 * {@code disclose <command>: <message>} ({@link Main#PROBLEMS}), a failed part likewise
 * ({@link Main#FAILURE}).
 */
final class Failures {
  private Failures() {}

  /** Prints each problem (file:line and what) and returns {@link Main#PROBLEMS}. */
  static int problems(PrintWriter err, ProblemsException e) {
    for (Problem p : e.problems()) {
      err.println(p);
    }
    return Main.PROBLEMS;
  }

  /** Prints {@code disclose <command>: <message>} and returns {@link Main#PROBLEMS}: the user can correct it. */
  static int badInput(PrintWriter err, String command, Exception e) {
    err.println("disclose " + command + ": " + e.getMessage());
    return Main.PROBLEMS;
  }

  /** Prints {@code disclose <command>: <message>} and returns {@link Main#FAILURE}: a part failed. */
  static int failed(PrintWriter err, String command, String message) {
    err.println("disclose " + command + ": " + message);
    return Main.FAILURE;
  }
}
