package az.disclose.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One thing {@code disclose check} found in a content file.
 *
 * @param file the file, as given (relative to the working directory when the content directory is)
 * @param line 1-based line in the file; 0 when the finding is about the whole file
 * @param rule a stable short name, e.g. {@code confidential-marker}, {@code three-day-window}
 * @param message what is wrong
 * @param advice what to do about it
 */
public record Finding(Path file, int line, Severity severity, String rule, String message, String advice) {

  /** File, then line, then errors before warnings, then rule and message: a stable order. */
  public static final Comparator<Finding> ORDER = Comparator
      .comparing((Finding f) -> f.file().toString().replace('\\', '/'))
      .thenComparingInt(Finding::line)
      .thenComparing(Finding::severity)
      .thenComparing(Finding::rule)
      .thenComparing(Finding::message);

  public static Finding error(Path file, int line, String rule, String message, String advice) {
    return new Finding(file, line, Severity.ERROR, rule, message, advice);
  }

  public static Finding warning(Path file, int line, String rule, String message, String advice) {
    return new Finding(file, line, Severity.WARNING, rule, message, advice);
  }

  /** {@code content/news/x.md:12: error [confidential-marker] message — advice}. */
  @Override
  public String toString() {
    String where = file.toString().replace('\\', '/') + (line > 0 ? ":" + line : "");
    return where + ": " + severity.label() + " [" + rule + "] " + message
        + (advice == null || advice.isEmpty() ? "" : " — " + advice);
  }

  /** The findings as a JSON array of objects (file, line, severity, rule, message, advice). */
  public static String toJson(List<Finding> findings) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Finding f : findings) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", f.file().toString().replace('\\', '/'));
      m.put("line", f.line());
      m.put("severity", f.severity().label());
      m.put("rule", f.rule());
      m.put("message", f.message());
      m.put("advice", f.advice());
      out.add(m);
    }
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write findings as JSON", e);
    }
  }
}
