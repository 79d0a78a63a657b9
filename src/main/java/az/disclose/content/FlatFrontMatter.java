package az.disclose.content;

import az.disclose.yaml.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A fast reader for the flat front matter that content files almost always have, giving the same
 * {@link Node} tree as {@link az.disclose.yaml.YamlReader} (Jackson and SnakeYAML), which is
 * costly per document (a new parser, scanner and resolver each time).
 *
 * <p>It understands only this subset: top-level {@code key: value} lines (keys of ASCII letters,
 * digits, {@code _} and {@code -}, at column 0) whose value is a one-line plain scalar, a one-line
 * double-quoted string without escapes, a one-line single-quoted string, a one-line flow list of
 * such scalars ({@code [a, "b c"]}), or, after an empty value, a block list of such scalars
 * ({@code - a}); full-line comments, comments after a value, blank lines and CRLF line ends. For
 * anything else — nulls, escapes, multi-line values, nested mappings, anchors, tags, control
 * characters, a key twice, text it cannot place — it returns {@code null} and the caller reads the
 * text with the full YAML reader, so errors and their lines are those of the YAML reader. {@code
 * FlatFrontMatterTest} compares the two on many inputs.
 */
final class FlatFrontMatter {
  private FlatFrontMatter() {}

  /**
   * The tree of {@code yaml} (whose first line is file line {@code firstLine}), or null when the
   * text is not in the subset this reader knows.
   */
  static Node parse(String yaml, int firstLine) {
    if (!allowedCharacters(yaml)) {
      return null;
    }
    LinkedHashMap<String, Node> entries = new LinkedHashMap<>();
    LinkedHashMap<String, Integer> keyLines = new LinkedHashMap<>();
    int mappingLine = -1;
    int pos = 0;
    int len = yaml.length();
    int line = firstLine;
    // A key with an empty value waits for its block list on the next lines.
    String pendingKey = null;
    int pendingKeyLine = 0;
    List<Node> blockItems = null;
    int blockLine = 0;
    int blockIndent = -1;
    while (pos < len) {
      int nl = yaml.indexOf('\n', pos);
      int end = nl < 0 ? len : nl;
      int next = nl < 0 ? len : nl + 1;
      if (end > pos && yaml.charAt(end - 1) == '\r') {
        end--;
      }
      int indent = pos;
      while (indent < end && yaml.charAt(indent) == ' ') {
        indent++;
      }
      if (indent == end || yaml.charAt(indent) == '#') {
        // blank line or full-line comment
        pos = next;
        line++;
        continue;
      }
      if (pendingKey != null) {
        // Only a block list may follow a key with an empty value.
        if (yaml.charAt(indent) != '-' || indent + 1 >= end || yaml.charAt(indent + 1) != ' ') {
          return null;
        }
        int ind = indent - pos;
        if (blockItems == null) {
          blockItems = new ArrayList<>();
          blockLine = line;
          blockIndent = ind;
        } else if (ind != blockIndent) {
          return null;
        }
        Node item = scalarValue(yaml, indent + 2, end, line, false);
        if (item == null) {
          return null;
        }
        blockItems.add(item);
        // The list goes on while the next content line is another item.
        if (!nextContentIsItem(yaml, next, blockIndent)) {
          entries.put(pendingKey, new Node.Sequence(List.copyOf(blockItems), blockLine));
          keyLines.put(pendingKey, pendingKeyLine);
          pendingKey = null;
          blockItems = null;
        }
        pos = next;
        line++;
        continue;
      }
      if (indent != pos) {
        return null; // indented line outside a block list
      }
      int colon = keyEnd(yaml, pos, end);
      if (colon < 0) {
        return null;
      }
      String key = yaml.substring(pos, colon);
      if (entries.containsKey(key) || key.equals(pendingKey)) {
        return null; // the YAML reader reports it
      }
      if (mappingLine < 0) {
        mappingLine = line;
      }
      int v = colon + 1;
      while (v < end && yaml.charAt(v) == ' ') {
        v++;
      }
      if (v == end || yaml.charAt(v) == '#' && v > colon + 1) {
        // Empty value: a block list must follow (an empty value is a null: left to YAML).
        if (v < end && !isComment(yaml, v, end)) {
          return null;
        }
        pendingKey = key;
        pendingKeyLine = line;
        pos = next;
        line++;
        continue;
      }
      Node value;
      if (yaml.charAt(v) == '[') {
        value = flowList(yaml, v, end, line);
      } else {
        value = scalarValue(yaml, v, end, line, false);
      }
      if (value == null) {
        return null;
      }
      entries.put(key, value);
      keyLines.put(key, line);
      pos = next;
      line++;
    }
    if (pendingKey != null || entries.isEmpty()) {
      return null;
    }
    return new Node.Mapping(entries, keyLines, mappingLine);
  }

  /** Whether the first non-blank, non-comment line from {@code pos} is a list item at {@code indent}. */
  private static boolean nextContentIsItem(String yaml, int pos, int indent) {
    int len = yaml.length();
    while (pos < len) {
      int nl = yaml.indexOf('\n', pos);
      int end = nl < 0 ? len : nl;
      if (end > pos && yaml.charAt(end - 1) == '\r') {
        end--;
      }
      int i = pos;
      while (i < end && yaml.charAt(i) == ' ') {
        i++;
      }
      if (i < end && yaml.charAt(i) != '#') {
        return i - pos == indent && yaml.charAt(i) == '-';
      }
      pos = nl < 0 ? len : nl + 1;
    }
    return false;
  }

  /** The index of the ':' ending a simple key that starts at {@code pos}, or -1. */
  private static int keyEnd(String yaml, int pos, int end) {
    int i = pos;
    if (i >= end || !isKeyStart(yaml.charAt(i))) {
      return -1;
    }
    i++;
    while (i < end && isKeyPart(yaml.charAt(i))) {
      i++;
    }
    if (i >= end || yaml.charAt(i) != ':') {
      return -1;
    }
    if (i + 1 < end && yaml.charAt(i + 1) != ' ') {
      return -1;
    }
    return i;
  }

  private static boolean isKeyStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isKeyPart(char c) {
    return isKeyStart(c) || (c >= '0' && c <= '9') || c == '-';
  }

  /** From {@code i}: nothing but spaces, or spaces and a comment. */
  private static boolean onlyCommentAfter(String yaml, int i, int end) {
    int start = i;
    while (i < end && yaml.charAt(i) == ' ') {
      i++;
    }
    if (i == end) {
      return true;
    }
    return i > start && isComment(yaml, i, end);
  }

  private static boolean isComment(String yaml, int i, int end) {
    return i < end && yaml.charAt(i) == '#';
  }

  /**
   * A one-line scalar from {@code v} to {@code end} (in block context unless {@code flow}): quoted,
   * or plain and not special. Null when not in the subset.
   */
  private static Node scalarValue(String yaml, int v, int end, int line, boolean flow) {
    char c = yaml.charAt(v);
    if (c == '"') {
      int close = yaml.indexOf('"', v + 1);
      if (close < 0 || close >= end) {
        return null;
      }
      String text = yaml.substring(v + 1, close);
      if (text.indexOf('\\') >= 0 || !onlyCommentAfter(yaml, close + 1, end)) {
        return null;
      }
      return new Node.Scalar(text, false, line);
    }
    if (c == '\'') {
      StringBuilder sb = null;
      int i = v + 1;
      int from = i;
      while (true) {
        int q = yaml.indexOf('\'', i);
        if (q < 0 || q >= end) {
          return null;
        }
        if (q + 1 < end && yaml.charAt(q + 1) == '\'') {
          if (sb == null) {
            sb = new StringBuilder();
          }
          sb.append(yaml, from, q + 1);
          i = q + 2;
          from = i;
          continue;
        }
        String text = sb == null ? yaml.substring(from, q) : sb.append(yaml, from, q).toString();
        if (!onlyCommentAfter(yaml, q + 1, end)) {
          return null;
        }
        return new Node.Scalar(text, false, line);
      }
    }
    int stop = plainEnd(yaml, v, end);
    if (stop < 0) {
      return null;
    }
    String text = yaml.substring(v, stop);
    if (isNullWord(text)) {
      return null;
    }
    return new Node.Scalar(text, false, line);
  }

  /**
   * The end (exclusive, trailing spaces removed) of a plain block scalar starting at {@code v}
   * that fills the rest of the line (a comment may follow), or -1 when the value is not a simple
   * plain scalar.
   */
  private static int plainEnd(String yaml, int v, int end) {
    if (!plainStart(yaml.charAt(v))) {
      return -1;
    }
    int last = v; // index after the last non-space character
    for (int i = v; i < end; i++) {
      char c = yaml.charAt(i);
      if (c == ' ') {
        if (i + 1 < end && yaml.charAt(i + 1) == '#') {
          return onlyCommentAfter(yaml, i, end) ? last : -1;
        }
        continue;
      }
      if (c == ':' && (i + 1 == end || yaml.charAt(i + 1) == ' ')) {
        return -1; // a mapping or an error: left to YAML
      }
      last = i + 1;
    }
    return last;
  }

  /** Characters a plain scalar may start with here (no YAML indicator). */
  private static boolean plainStart(char c) {
    switch (c) {
      case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ' ' -> {
        return false;
      }
      default -> {
        return true;
      }
    }
  }

  private static boolean isNullWord(String text) {
    return text.equals("~") || text.equals("null") || text.equals("Null") || text.equals("NULL");
  }

  /** A one-line flow list {@code [a, "b", 'c']} at {@code v}, or null. */
  private static Node flowList(String yaml, int v, int end, int line) {
    List<Node> items = new ArrayList<>();
    int i = v + 1;
    while (i < end && yaml.charAt(i) == ' ') {
      i++;
    }
    if (i < end && yaml.charAt(i) == ']') {
      return onlyCommentAfter(yaml, i + 1, end) ? new Node.Sequence(List.of(), line) : null;
    }
    while (true) {
      if (i >= end) {
        return null;
      }
      char c = yaml.charAt(i);
      int after;
      String text;
      if (c == '"') {
        int close = yaml.indexOf('"', i + 1);
        if (close < 0 || close >= end) {
          return null;
        }
        text = yaml.substring(i + 1, close);
        if (text.indexOf('\\') >= 0) {
          return null;
        }
        after = close + 1;
      } else if (c == '\'') {
        int close = yaml.indexOf('\'', i + 1);
        if (close < 0 || close >= end || close + 1 < end && yaml.charAt(close + 1) == '\'') {
          return null;
        }
        text = yaml.substring(i + 1, close);
        after = close + 1;
      } else {
        if (!plainStart(c)) {
          return null;
        }
        int j = i;
        int last = i;
        while (j < end) {
          char d = yaml.charAt(j);
          if (d == ',' || d == ']') {
            break;
          }
          if (d < 0x80 && !(d == ' ' || d == '.' || d == '-' || d == '_' || d == '/' || d == '(' || d == ')' || d == '+'
              || (d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z') || (d >= '0' && d <= '9'))) {
            return null; // plain scalars in flow lists: letters, digits and a few safe signs only
          }
          if (d != ' ') {
            last = j + 1;
          }
          j++;
        }
        text = yaml.substring(i, last);
        if (isNullWord(text)) {
          return null;
        }
        after = j;
      }
      items.add(new Node.Scalar(text, false, line));
      while (after < end && yaml.charAt(after) == ' ') {
        after++;
      }
      if (after >= end) {
        return null;
      }
      char d = yaml.charAt(after);
      if (d == ']') {
        return onlyCommentAfter(yaml, after + 1, end) ? new Node.Sequence(List.copyOf(items), line) : null;
      }
      if (d != ',') {
        return null;
      }
      i = after + 1;
      while (i < end && yaml.charAt(i) == ' ') {
        i++;
      }
      if (i < end && yaml.charAt(i) == ']') {
        return null; // a trailing comma: left to YAML
      }
    }
  }

  /**
   * Only printable characters that YAML reads as themselves: no tabs, no control characters, no
   * line breaks other than LF and CR LF, no byte-order mark or surrogates (kept simple).
   */
  private static boolean allowedCharacters(String yaml) {
    for (int i = 0, n = yaml.length(); i < n; i++) {
      char c = yaml.charAt(i);
      if (c >= 0x20 && c < 0x7F) {
        continue;
      }
      if (c == '\n') {
        continue;
      }
      if (c == '\r') {
        if (i + 1 < n && yaml.charAt(i + 1) == '\n') {
          continue;
        }
        return false;
      }
      if (c < 0xA0 || c == 0x2028 || c == 0x2029 || c == 0xFEFF || c >= 0xD800 && c <= 0xDFFF || c >= 0xFFFE) {
        return false;
      }
    }
    return true;
  }
}
