package az.disclose.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The reports' texts in one language, from {@code report_az.properties} or {@code
 * report_en.properties} beside this class (UTF-8). A missing key is an error, never a blank in a
 * report.
 */
public final class ReportTexts {
  private final String language;
  private final Map<String, String> texts;

  private ReportTexts(String language, Map<String, String> texts) {
    this.language = language;
    this.texts = texts;
  }

  /** The texts of {@code language}: {@code az} (the default language) or {@code en}. */
  public static ReportTexts of(String language) {
    String lang = language == null ? "az" : language.trim().toLowerCase(Locale.ROOT);
    if (!lang.equals("az") && !lang.equals("en")) {
      throw new IllegalArgumentException("the report's language must be az or en, not '" + language + "'");
    }
    String file = "report_" + lang + ".properties";
    Properties p = new Properties();
    try (InputStream in = ReportTexts.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("the report texts " + file + " are missing from the program");
      }
      try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        p.load(r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the report texts " + file, e);
    }
    Map<String, String> texts = new TreeMap<>();
    p.forEach((k, v) -> texts.put((String) k, (String) v));
    return new ReportTexts(lang, texts);
  }

  public String language() {
    return language;
  }

  public boolean azerbaijani() {
    return language.equals("az");
  }

  public Locale locale() {
    return Locale.forLanguageTag(language);
  }

  public String get(String key) {
    String text = texts.get(key);
    if (text == null) {
      throw new IllegalArgumentException("no report text '" + key + "' in report_" + language + ".properties");
    }
    return text;
  }

  /** {@link #get} with {@code {0}}, {@code {1}}, ... replaced by {@code args} (plain text, no number formatting). */
  public String f(String key, Object... args) {
    String text = get(key);
    for (int i = 0; i < args.length; i++) {
      text = text.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return text;
  }
}
