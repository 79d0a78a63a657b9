package az.disclose.yaml;

import java.nio.file.Path;

/**
 * One thing wrong with an input file, with where it is: {@code content/news/x.md:3: 'date' is not an
 * ISO date: '12/5'}.
 */
public record Problem(Path file, int line, String message) implements Comparable<Problem> {

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
  }

  @Override
  public int compareTo(Problem other) {
    int byFile = file.toString().compareTo(other.file.toString());
    if (byFile != 0) {
      return byFile;
    }
    int byLine = Integer.compare(line, other.line);
    return byLine != 0 ? byLine : message.compareTo(other.message);
  }
}
