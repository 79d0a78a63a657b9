package az.disclose.inbox.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The console's words in one language: {@code console_az.properties} first, {@code
 * console_en.properties} second (a key missing in English falls back to Azerbaijani). Templates call
 * {@link #get}; a key missing in both is an error, not a blank.
 */
public final class Texts {
  /** The console's languages, the first the default. */
  public static final List<String> LANGUAGES = List.of("az", "en");

  private final String language;
  private final Map<String, String> words;

  private Texts(String language, Map<String, String> words) {
    this.language = language;
    this.words = Map.copyOf(words);
  }

  /** Both languages, read once from the jar. */
  static Map<String, Texts> load() {
    Map<String, String> az = read("az");
    Map<String, String> en = new HashMap<>(az);
    en.putAll(read("en"));
    return Map.of("az", new Texts("az", az), "en", new Texts("en", en));
  }

  private static Map<String, String> read(String language) {
    String name = "console_" + language + ".properties";
    try (InputStream in = Texts.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the console's messages " + name + " are missing from the jar");
      }
      Properties p = new Properties();
      try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        p.load(r);
      }
      Map<String, String> out = new HashMap<>();
      p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the console's messages " + name + ": " + e.getMessage(), e);
    }
  }

  public String language() {
    return language;
  }

  public Locale locale() {
    return Locale.forLanguageTag(language);
  }

  public boolean has(String key) {
    return words.containsKey(key);
  }

  /** The text of {@code key}. */
  public String get(String key) {
    String w = words.get(key);
    if (w == null) {
      throw new IllegalArgumentException("no console message '" + key + "' in console_" + language + ".properties");
    }
    return w;
  }

  /** The text of {@code key} with {0}, {1}, ... replaced by {@code args}. */
  public String format(String key, Object... args) {
    String w = get(key);
    for (int i = 0; i < args.length; i++) {
      w = w.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return w;
  }
}
