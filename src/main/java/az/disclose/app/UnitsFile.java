package az.disclose.app;

import az.disclose.content.Units;
import az.disclose.content.UnitsReader;
import az.disclose.inbox.RegisterService;
import az.disclose.yaml.Problem;
import az.disclose.yaml.ProblemsException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The units of {@code content/data/units.yaml} for the register (and so for the console's assignment
 * forms), read at start and again whenever the file's bytes change (docs/console.md, "Units"). An
 * invalid file never replaces the units in use: its problems are printed with file and line and kept
 * by the register for the console to show, until a valid file is read. Requests assigned to a unit
 * that left the file keep their assignment; the console shows the unit as unknown.
 */
public final class UnitsFile {
  private final Path content;
  private final RegisterService register;
  private final PrintWriter out;
  private final PrintWriter err;
  /** The SHA-256 of the bytes read last (empty array: the file was missing); null before the first read. */
  private byte[] read;

  public UnitsFile(Path content, RegisterService register, PrintWriter out, PrintWriter err) {
    this.content = Objects.requireNonNull(content, "content");
    this.register = Objects.requireNonNull(register, "register");
    this.out = Objects.requireNonNull(out, "out");
    this.err = Objects.requireNonNull(err, "err");
  }

  /** The file this reads. */
  public Path file() {
    return content.resolve(UnitsReader.UNITS_FILE);
  }

  /**
   * Reads the file when its bytes differ from the last read (or it was never read): a valid file
   * replaces the register's units, an invalid one is reported and leaves them as they are.
   *
   * @return whether the file was read
   */
  public synchronized boolean check() {
    byte[] now;
    try {
      now = digest();
    } catch (IOException e) {
      err.println(file() + ":0: cannot be read (" + e + "); the units read before stay in use");
      err.flush();
      register.unitsUnreadable(List.of(file() + ":0: cannot be read: " + e.getMessage()));
      return false;
    }
    if (read != null && Arrays.equals(read, now)) {
      return false;
    }
    boolean first = read == null;
    read = now;
    try {
      Set<String> ids = new TreeSet<>();
      for (Units.Unit u : new UnitsReader().load(content).units().units()) {
        ids.add(u.id());
      }
      Set<String> before = register.units();
      register.useUnits(ids);
      if (!first) {
        out.println("units reloaded from " + file() + ": " + String.join(", ", ids)
            + describeChange(before, ids));
        out.flush();
      }
    } catch (ProblemsException e) {
      List<String> problems = new ArrayList<>();
      for (Problem p : e.problems()) {
        problems.add(p.toString());
        err.println(p);
      }
      err.println(register.units().isEmpty()
          ? "requests cannot be assigned to units until " + file() + " is fixed"
          : "units not reloaded: fix the problems above; the units read before stay in use ("
              + String.join(", ", new TreeSet<>(register.units())) + ")");
      err.flush();
      register.unitsUnreadable(problems);
    }
    return true;
  }

  private static String describeChange(Set<String> before, Set<String> after) {
    Set<String> added = new TreeSet<>(after);
    added.removeAll(before);
    Set<String> removed = new TreeSet<>(before);
    removed.removeAll(after);
    return (added.isEmpty() ? "" : "; added " + String.join(", ", added))
        + (removed.isEmpty() ? "" : "; removed " + String.join(", ", removed)
            + " (requests assigned to them keep their assignment)");
  }

  private byte[] digest() throws IOException {
    try {
      return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file()));
    } catch (NoSuchFileException e) {
      return new byte[0];
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }
}
