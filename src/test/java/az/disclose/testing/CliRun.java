package az.disclose.testing;

import az.disclose.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runs {@link Main#run} as the command line does, with standard input given and the output captured. */
public final class CliRun {
  private CliRun() {}

  /** What a run printed on standard output and error, and its exit code. */
  public record Result(int code, String out, String err) {}

  /** Runs {@code disclose <prefix...> <args...>} with empty standard input. */
  public static Result run(List<String> prefix, String... args) {
    return runWithInput("", prefix, args);
  }

  /** Runs {@code disclose <prefix...> <args...>} with {@code stdin} on standard input. */
  public static Result runWithInput(String stdin, List<String> prefix, String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    InputStream in = System.in;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    List<String> all = new ArrayList<>(prefix);
    all.addAll(List.of(args));
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      int code = Main.run(all.toArray(String[]::new));
      return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
      System.setIn(in);
    }
  }
}
