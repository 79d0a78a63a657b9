package az.disclose.content;

import java.nio.file.Path;

/**
 * The second-language version of a news item, page or document: {@code x.en.md} beside
 * {@code x.md}. Only the words are translated (its front matter holds {@code title} and
 * {@code summary}); the slug, dates, tags and everything else are the original's.
 *
 * @param original the original file ({@code x.md}) as the loader names it
 * @param language the language code of the file name ({@code en})
 */
public record Translation(Path original, String language, String title, String summary, Body body) {
  /** The languages a translation file may be in: {@code x.<language>.md}. */
  public static final java.util.Set<String> LANGUAGES = java.util.Set.of("en");

  /** The language of a translation file's name ({@code x.en.md} -> en), or null for an original. */
  public static String languageOf(Path file) {
    String name = file.getFileName().toString();
    if (!name.endsWith(".md")) {
      return null;
    }
    String stem = name.substring(0, name.length() - 3);
    int dot = stem.lastIndexOf('.');
    if (dot <= 0) {
      return null;
    }
    String lang = stem.substring(dot + 1);
    return LANGUAGES.contains(lang) ? lang : null;
  }

  /** The original of a translation file: {@code x.en.md} -> {@code x.md} in the same directory. */
  public static Path originalOf(Path translationFile) {
    String name = translationFile.getFileName().toString();
    String stem = name.substring(0, name.length() - 3);
    return translationFile.resolveSibling(stem.substring(0, stem.lastIndexOf('.')) + ".md");
  }

  /** A key for {@code file} that does not depend on how the path was spelt. */
  public static Path key(Path file) {
    return file.toAbsolutePath().normalize();
  }
}
