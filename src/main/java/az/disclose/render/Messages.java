package az.disclose.render;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The theme's UI strings: {@code theme/messages_<lang>.properties} (UTF-8). A language's missing
 * keys fall back to Azerbaijani, the site's first language.
 */
public final class Messages {
  public static final String FIRST_LANGUAGE = "az";

  private Messages() {}

  public static Map<String, String> load(Path themeDir, Locale locale) throws IOException {
    Map<String, String> messages = new TreeMap<>(read(themeDir, FIRST_LANGUAGE));
    if (!locale.getLanguage().equals(FIRST_LANGUAGE)) {
      messages.putAll(read(themeDir, locale.getLanguage()));
    }
    return Map.copyOf(messages);
  }

  private static Map<String, String> read(Path themeDir, String language) throws IOException {
    Path file = themeDir.resolve("messages_" + language + ".properties");
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    Map<String, String> out = new TreeMap<>();
    p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
    return out;
  }
}
