package az.disclose.yaml;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * A YAML value that remembers the line it came from, so that every validation message can say
 * {@code file:line}.
 */
public sealed interface Node {
  /** 1-based line in the file (not in the YAML fragment). */
  int line();

  /** A short name of the node's kind, for messages ("a list", "a text"). */
  String kindName();

  record Scalar(String text, boolean isNull, int line) implements Node {
    @Override
    public String kindName() {
      return isNull ? "empty" : "a single value";
    }
  }

  record Sequence(List<Node> items, int line) implements Node {
    @Override
    public String kindName() {
      return "a list";
    }
  }

  /** Keys keep their document order; each key's own line is kept for "unknown key" messages. */
  record Mapping(LinkedHashMap<String, Node> entries, LinkedHashMap<String, Integer> keyLines, int line)
      implements Node {
    @Override
    public String kindName() {
      return "a mapping";
    }
  }
}
