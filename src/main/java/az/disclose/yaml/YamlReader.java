package az.disclose.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parses YAML text into a {@link Node} tree that keeps line numbers. Thread-safe: the factory is
 * immutable after construction and every call makes its own parser.
 */
public final class YamlReader {
  private final YAMLFactory factory = YAMLFactory.builder().build();

  /** Thrown for YAML that is not well-formed; {@link #line} is the file line. */
  public static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    SyntaxError(int line, String message) {
      super(message);
      this.line = line;
    }

    public int line() {
      return line;
    }
  }

  /**
   * Reads a whole YAML file (UTF-8); any problem reading or parsing it is thrown as one {@link
   * Problem} with the file and line.
   */
  public Node readFile(Path file) throws ProblemsException {
    return read(file, readText(file));
  }

  /** A file's whole text, strictly UTF-8; a problem reading it is thrown with the file. */
  public static String readText(Path file) throws ProblemsException {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new ProblemsException(List.of(new Problem(file, 0, "is not valid UTF-8 text; save it as UTF-8")));
    } catch (IOException e) {
      throw new ProblemsException(List.of(new Problem(file, 0, "cannot read: " + e.getMessage())));
    }
  }

  /** Parses the whole {@code text} of {@code file}; a syntax error is thrown with the file and line. */
  public Node read(Path file, String text) throws ProblemsException {
    try {
      return read(text, 1);
    } catch (SyntaxError e) {
      throw new ProblemsException(List.of(new Problem(file, e.line(), e.getMessage())));
    }
  }

  /**
   * Parses {@code text}; {@code firstLine} is the file line of the text's first line (2 for front
   * matter after its opening {@code ---}). An empty document gives an empty mapping.
   */
  public Node read(String text, int firstLine) throws SyntaxError {
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        return new Node.Mapping(new LinkedHashMap<>(), new LinkedHashMap<>(), firstLine);
      }
      Node root = readValue(parser, token, firstLine);
      if (parser.nextToken() != null) {
        throw new SyntaxError(line(parser.currentLocation(), firstLine), "more than one YAML document");
      }
      return root;
    } catch (JsonProcessingException e) {
      MarkedYAMLException marked = marked(e);
      if (marked != null) {
        throw plain(marked, text, firstLine);
      }
      JsonLocation where = e.getLocation();
      int line = where == null ? firstLine : line(where, firstLine);
      throw new SyntaxError(line, "YAML syntax error: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (IOException e) {
      throw new SyntaxError(firstLine, "cannot read YAML: " + e.getMessage());
    }
  }

  private static MarkedYAMLException marked(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof MarkedYAMLException m) {
        return m;
      }
    }
    return null;
  }

  /**
   * The parser's error in plain words: what is missing or wrong, on the line where the editor has to
   * act (where a quote or bracket was opened, not the end of the file where the parser noticed).
   * SnakeYAML's own wording ("while scanning a simple key", "expected &lt;block end&gt;") is kept
   * only for the cases not recognised here.
   */
  static SyntaxError plain(MarkedYAMLException e, String text, int firstLine) {
    String context = e.getContext() == null ? "" : e.getContext();
    String problem = e.getProblem() == null ? "" : e.getProblem();
    Mark at = e.getProblemMark();
    Mark opened = e.getContextMark();
    int problemLine = at == null ? firstLine : at.getLine() + firstLine;
    int contextLine = opened == null ? problemLine : opened.getLine() + firstLine;
    String contextText = opened == null ? "" : lineOf(text, opened.getLine());
    String problemText = at == null ? "" : lineOf(text, at.getLine());
    String message;
    int line;
    int unclosed = at == null ? -1 : unclosedQuoteBefore(text, at.getLine());
    if (unclosed >= 0 && !context.startsWith("while scanning a quoted scalar")) {
      // A quote left open runs on to the next quote character, lines later, where the parser
      // stumbles on what follows: the mistake is where the quote was opened.
      String opener = lineOf(text, unclosed);
      char quote = opener.charAt(QUOTED_VALUE.matcher(opener).results().findFirst().orElseThrow().start(1));
      return new SyntaxError(unclosed + firstLine,
          "YAML syntax error: the quote " + quote + " opened here is never closed: add the closing " + quote
              + " at the end of the value");
    }
    if (problem.contains("\\t(TAB)") || problem.contains("'\\t'")) {
      line = problemLine;
      message = "a tab is used to indent this line; YAML indents with spaces only: replace the tab with spaces";
    } else if (context.startsWith("while scanning a quoted scalar")) {
      line = contextLine;
      char quote = opened != null && opened.getColumn() < contextText.length() ? contextText.charAt(opened.getColumn()) : '"';
      message = "the quote " + quote + " opened here is never closed: add the closing " + quote + " at the end of the value";
    } else if (context.startsWith("while scanning a simple key") && problem.contains("':'")) {
      line = contextLine;
      String key = contextText.strip();
      int space = key.indexOf(' ');
      key = space > 0 ? key.substring(0, space) : key;
      message = "a colon is missing after '" + shorten(key) + "': write it as 'name: value'";
    } else if (context.startsWith("while parsing a flow sequence")) {
      line = contextLine;
      message = "the list opened with [ here is not closed: add ] at its end (items are separated by commas)";
    } else if (context.startsWith("while parsing a flow mapping")) {
      line = contextLine;
      message = "the mapping opened with { here is not closed: add } at its end";
    } else if (problem.startsWith("mapping values are not allowed")) {
      line = problemLine;
      int firstColon = problemText.indexOf(": ");
      boolean insideValue = at != null && firstColon >= 0 && at.getColumn() > firstColon;
      message = insideValue
          ? "a second ': ' inside a value: put the whole value in quotes (name: \"text: more text\")"
          : "this line is indented more than the line above it: indent it like the other keys at its level";
    } else if (problem.contains("found '<scalar>'")) {
      line = problemLine;
      message = "text after a quoted value: put the whole value in quotes, or remove what follows the closing quote";
    } else if (problem.contains("found '<block sequence start>'") || problem.contains("found '-'")) {
      line = problemLine;
      message = "a list item ('- ') is indented differently from the items before it: line up the '-' with them";
    } else if (problem.startsWith("expected <block end>")) {
      line = problemLine;
      message = "this line does not fit the indentation of the lines above it: indent it like the keys or list items"
          + " it belongs with";
    } else if (problem.contains("that cannot start any token")) {
      line = problemLine;
      int quote = problem.indexOf('\'');
      String c = quote >= 0 && quote + 2 < problem.length() ? problem.substring(quote + 1, problem.indexOf('\'', quote + 1)) : "?";
      message = "a value cannot start with " + c + ": put the whole value in quotes";
    } else {
      line = problemLine;
      message = (problem.isBlank() ? context : problem).lines().findFirst().orElse("");
    }
    return new SyntaxError(line, "YAML syntax error: " + message);
  }

  /** A value that starts with a quote: {@code key: "...} or {@code - "...}; group 1 is the quote. */
  private static final java.util.regex.Pattern QUOTED_VALUE =
      java.util.regex.Pattern.compile("^\\s*(?:-\\s+|[^\"'#:\\s][^:#]*:\\s+)([\"'])");

  /**
   * The index of the first line before {@code lineIndex} whose value opens a quote that the line does
   * not close, or -1. A double quote is closed by an unescaped {@code "}, a single one by a {@code '}
   * not doubled.
   */
  static int unclosedQuoteBefore(String text, int lineIndex) {
    List<String> lines = text.lines().limit(lineIndex).toList();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      java.util.regex.Matcher m = QUOTED_VALUE.matcher(l);
      if (!m.find()) {
        continue;
      }
      char quote = l.charAt(m.start(1));
      boolean closed = false;
      for (int c = m.end(1); c < l.length(); c++) {
        char ch = l.charAt(c);
        if (quote == '"' && ch == '\\') {
          c++;
        } else if (ch == quote) {
          if (quote == '\'' && c + 1 < l.length() && l.charAt(c + 1) == '\'') {
            c++;
          } else {
            closed = true;
            break;
          }
        }
      }
      if (!closed) {
        return i;
      }
    }
    return -1;
  }

  private static String lineOf(String text, int index) {
    return text.lines().skip(index).findFirst().orElse("");
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  private static int line(JsonLocation location, int firstLine) {
    return Math.max(location.getLineNr(), 1) + firstLine - 1;
  }

  private Node readValue(JsonParser parser, JsonToken token, int firstLine) throws IOException, SyntaxError {
    int line = line(parser.currentTokenLocation(), firstLine);
    switch (token) {
      case START_OBJECT -> {
        LinkedHashMap<String, Node> entries = new LinkedHashMap<>();
        LinkedHashMap<String, Integer> keyLines = new LinkedHashMap<>();
        JsonToken next;
        while ((next = parser.nextToken()) == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          int keyLine = line(parser.currentTokenLocation(), firstLine);
          if (entries.containsKey(key)) {
            throw new SyntaxError(keyLine, "key '" + key + "' appears twice");
          }
          Node value = readValue(parser, parser.nextToken(), firstLine);
          entries.put(key, value);
          keyLines.put(key, keyLine);
        }
        if (next != JsonToken.END_OBJECT) {
          throw new SyntaxError(line, "unexpected " + next);
        }
        return new Node.Mapping(entries, keyLines, line);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        JsonToken next;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
          items.add(readValue(parser, next, firstLine));
        }
        return new Node.Sequence(List.copyOf(items), line);
      }
      case VALUE_NULL -> {
        return new Node.Scalar("", true, line);
      }
      case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> {
        return new Node.Scalar(parser.getText(), false, line);
      }
      default -> throw new SyntaxError(line, "unsupported YAML value " + token);
    }
  }
}
