package az.disclose.config;

import az.disclose.files.InputFiles;
import az.disclose.yaml.Fields;
import az.disclose.yaml.Node;
import az.disclose.yaml.Problem;
import az.disclose.yaml.ProblemsException;
import az.disclose.yaml.YamlReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Loads and validates {@code site.yaml} up front; every problem names the file, line and key. */
public final class SettingsLoader {
  public static final String FILE_NAME = "site.yaml";
  private static final Set<String> LANGUAGES = Set.of("az", "en");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /** The most {@value InputFiles#TEXT_SETTING} may be: a build holds such a file, and its page, in memory. */
  static final int MAX_TEXT_MIB = 64;
  /** The most {@value InputFiles#PUBLISHED_SETTING} may be: a build holds such a file in memory twice. */
  static final int MAX_PUBLISHED_MIB = 512;

  private final YamlReader yaml = new YamlReader();

  /**
   * site.yaml's text: strict UTF-8, never through a symbolic link, and within the default limit of
   * a text file (it cannot raise its own).
   */
  private static String text(Path file) throws ProblemsException {
    try {
      return InputFiles.readText(file, InputFiles.Limits.DEFAULT.text());
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new ProblemsException(List.of(new Problem(file, 0, "is not valid UTF-8 text; save it as UTF-8")));
    } catch (InputFiles.SymbolicLink | InputFiles.TooLarge e) {
      throw new ProblemsException(List.of(new Problem(file, 0, e.getMessage())));
    } catch (java.io.IOException e) {
      throw new ProblemsException(List.of(new Problem(file, 0, "cannot read: " + e.getMessage())));
    }
  }

  public SiteSettings load(Path contentDir) throws ProblemsException {
    Path file = contentDir.resolve(FILE_NAME);
    List<Problem> problems = new ArrayList<>();
    if (!Files.isRegularFile(file) && !Files.isSymbolicLink(file)) {
      throw new ProblemsException(List.of(new Problem(file, 0,
          "missing: every content directory needs a site.yaml with the site's title and base_url")));
    }
    Node root = yaml.read(file, text(file));
    Fields f = Fields.of(file, root, problems, "");
    String title = f.requiredText("title");
    String description = f.optionalText("description").orElse("");
    URI baseUrl = url(f, "base_url", true);
    String language = f.optionalText("language").orElse("az");
    if (!LANGUAGES.contains(language)) {
      f.problemAt("language", "'language' must be one of " + LANGUAGES + ", not '" + language + "'");
    }
    int perPage = f.intValue("news_per_page", 10, 1, 100);
    URI endpoint = url(f, "request_endpoint", false);
    String email = f.requiredText("request_email");
    if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
      f.problemAt("request_email", "'request_email' is not an e-mail address: '" + email + "'");
    }
    java.util.Map<String, SiteSettings.Texts> translations = new java.util.HashMap<>();
    for (String lang : LANGUAGES) {
      f.child(lang).ifPresent(t -> {
        // The title and description in a second language (en: {title: ..., description: ...}).
        String tTitle = t.requiredText("title");
        String tDescription = t.optionalText("description").orElse("");
        t.rejectUnknownKeys();
        translations.put(lang, new SiteSettings.Texts(tTitle, tDescription));
      });
    }
    int textMib = f.intValue(InputFiles.TEXT_SETTING, InputFiles.DEFAULT_TEXT_MIB, 1, MAX_TEXT_MIB);
    int publishedMib = f.intValue(InputFiles.PUBLISHED_SETTING, InputFiles.DEFAULT_PUBLISHED_MIB, 1, MAX_PUBLISHED_MIB);
    f.rejectUnknownKeys();
    if (!problems.isEmpty()) {
      throw new ProblemsException(problems);
    }
    String base = baseUrl.toString();
    if (!base.endsWith("/")) {
      baseUrl = URI.create(base + "/");
    }
    return new SiteSettings(title, description, baseUrl, Locale.forLanguageTag(language), perPage, endpoint, email,
        new InputFiles.Limits(textMib * InputFiles.MIB, publishedMib * InputFiles.MIB), translations);
  }

  private static URI url(Fields f, String key, boolean mustBeRoot) {
    String text = f.requiredText(key);
    if (text.isEmpty()) {
      return URI.create("http://invalid/");
    }
    try {
      URI uri = new URI(text.trim());
      if (!uri.isAbsolute() || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
        f.problemAt(key, "'" + key + "' must be an absolute http(s) URL, not '" + text + "'");
      } else if (mustBeRoot && uri.getPath() != null && uri.getPath().length() > 1) {
        f.problemAt(key, "'" + key + "' must be the root of a host (sub-paths are not supported yet), not '" + text + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      f.problemAt(key, "'" + key + "' is not a valid URL: '" + text + "'");
      return URI.create("http://invalid/");
    }
  }
}
