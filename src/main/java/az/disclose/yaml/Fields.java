package az.disclose.yaml;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed, strict reading of one YAML mapping. Every problem (missing key, bad value, unknown key) is
 * added to the shared problem list with the file and line; reading goes on so that all problems of
 * a file are reported together. Call {@link #rejectUnknownKeys()} after the last field.
 */
public final class Fields {
  private final Path file;
  private final Node.Mapping mapping;
  private final List<Problem> problems;
  private final Set<String> seen = new HashSet<>();
  private final String context;

  private Fields(Path file, Node.Mapping mapping, List<Problem> problems, String context) {
    this.file = file;
    this.mapping = mapping;
    this.problems = problems;
    this.context = context;
  }

  /**
   * Starts reading {@code node}, which must be a mapping; otherwise a problem is recorded and an
   * empty reader is returned (so that callers need no special case).
   */
  public static Fields of(Path file, Node node, List<Problem> problems, String context) {
    if (node instanceof Node.Mapping m) {
      return new Fields(file, m, problems, context);
    }
    problems.add(new Problem(file, node.line(), describe(context) + "must be a mapping of keys to values, not " + node.kindName()));
    return new Fields(file, new Node.Mapping(new java.util.LinkedHashMap<>(), new java.util.LinkedHashMap<>(), node.line()), problems, context);
  }

  private static String describe(String context) {
    return context.isEmpty() ? "" : context + ": ";
  }

  public Path file() {
    return file;
  }

  public int line() {
    return mapping.line();
  }

  public List<Problem> problems() {
    return problems;
  }

  public void problem(int line, String message) {
    problems.add(new Problem(file, line, describe(context) + message));
  }

  /** Records a problem on the line of {@code key} (or of the mapping, when the key is absent). */
  public void problemAt(String key, String message) {
    problem(lineOf(key), message);
  }

  private Optional<Node> node(String key) {
    seen.add(key);
    Node n = mapping.entries().get(key);
    if (n == null || (n instanceof Node.Scalar s && s.isNull())) {
      return Optional.empty();
    }
    return Optional.of(n);
  }

  /** The line of {@code key} (or of the mapping, when the key is absent). */
  public int lineOf(String key) {
    return mapping.keyLines().getOrDefault(key, mapping.line());
  }

  public boolean has(String key) {
    return mapping.entries().containsKey(key);
  }

  public Optional<String> optionalText(String key) {
    Optional<Node> n = node(key);
    if (n.isEmpty()) {
      return Optional.empty();
    }
    if (n.get() instanceof Node.Scalar s) {
      return Optional.of(s.text());
    }
    problem(n.get().line(), "'" + key + "' must be a single value, not " + n.get().kindName());
    return Optional.empty();
  }

  public String requiredText(String key) {
    Node raw = mapping.entries().get(key);
    Optional<String> value = optionalText(key);
    if (value.isEmpty()) {
      if (raw == null || raw instanceof Node.Scalar s && s.isNull()) {
        problem(lineOf(key), "'" + key + "' is required");
      }
      return "";
    }
    if (value.get().isBlank()) {
      problem(lineOf(key), "'" + key + "' must not be empty");
    }
    return value.get();
  }

  public Optional<LocalDate> optionalDate(String key) {
    return optionalText(key).flatMap(text -> {
      try {
        return Optional.of(LocalDate.parse(text.trim()));
      } catch (DateTimeParseException e) {
        problem(lineOf(key), "'" + key + "' is not an ISO date (yyyy-mm-dd): '" + text + "'");
        return Optional.empty();
      }
    });
  }

  public LocalDate requiredDate(String key) {
    if (node(key).isEmpty()) {
      problem(lineOf(key), "'" + key + "' is required (an ISO date, yyyy-mm-dd)");
      return null;
    }
    return optionalDate(key).orElse(null);
  }

  public int intValue(String key, int defaultValue, int min, int max) {
    return optionalText(key).map(text -> {
      try {
        int v = Integer.parseInt(text.trim());
        if (v < min || v > max) {
          problem(lineOf(key), "'" + key + "' must be between " + min + " and " + max + ", not " + v);
          return defaultValue;
        }
        return v;
      } catch (NumberFormatException e) {
        problem(lineOf(key), "'" + key + "' must be a whole number, not '" + text + "'");
        return defaultValue;
      }
    }).orElse(defaultValue);
  }

  public boolean bool(String key, boolean defaultValue) {
    return optionalText(key).map(text -> switch (text.trim()) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        problem(lineOf(key), "'" + key + "' must be true or false, not '" + text + "'");
        yield defaultValue;
      }
    }).orElse(defaultValue);
  }

  /** A list of single values; a single value is accepted as a list of one. */
  public List<String> textList(String key) {
    Optional<Node> n = node(key);
    if (n.isEmpty()) {
      return List.of();
    }
    if (n.get() instanceof Node.Scalar s) {
      return List.of(s.text());
    }
    if (n.get() instanceof Node.Sequence seq) {
      List<String> out = new ArrayList<>();
      for (Node item : seq.items()) {
        if (item instanceof Node.Scalar s && !s.isNull()) {
          out.add(s.text());
        } else {
          problem(item.line(), "'" + key + "' items must be single values, not " + item.kindName());
        }
      }
      return List.copyOf(out);
    }
    problem(n.get().line(), "'" + key + "' must be a list, not " + n.get().kindName());
    return List.of();
  }

  /** The items of a list of mappings, each as its own reader (context names the list and index). */
  public List<Fields> list(String key, boolean required) {
    Optional<Node> n = node(key);
    if (n.isEmpty()) {
      if (required) {
        problem(lineOf(key), "'" + key + "' is required");
      }
      return List.of();
    }
    if (!(n.get() instanceof Node.Sequence seq)) {
      problem(n.get().line(), "'" + key + "' must be a list, not " + n.get().kindName());
      return List.of();
    }
    List<Fields> out = new ArrayList<>();
    for (int i = 0; i < seq.items().size(); i++) {
      String itemContext = (context.isEmpty() ? "" : context + ".") + key + "[" + (i + 1) + "]";
      out.add(Fields.of(file, seq.items().get(i), problems, itemContext));
    }
    return out;
  }

  public Optional<Fields> child(String key) {
    return node(key).map(n -> Fields.of(file, n, problems, (context.isEmpty() ? "" : context + ".") + key));
  }

  /** Records a problem for every key that no read asked for: unknown keys are errors. */
  public void rejectUnknownKeys() {
    for (Map.Entry<String, Integer> e : mapping.keyLines().entrySet()) {
      if (!seen.contains(e.getKey())) {
        problem(e.getValue(), "unknown key '" + e.getKey() + "' (allowed: " + String.join(", ", sortedSeen()) + ")");
      }
    }
  }

  private List<String> sortedSeen() {
    return seen.stream().sorted().toList();
  }
}
