package az.disclose.publish;

import az.disclose.yaml.Node;
import az.disclose.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * Generates {@code words-az.txt}, the project's Azerbaijani word list: a hand-kept core vocabulary
 * plus every word of the given sources (the 2012 order, the shipped content). Lower case with the
 * Azerbaijani rules, one word a line, sorted, UTF-8. Run it again when the shipped content grows:
 *
 * <pre>
 * java -cp target/classes:$(cat cp.txt) az.disclose.publish.WordListBuilder \
 *     src/main/resources/az/disclose/publish/words-az.txt \
 *     src/main/resources/az/disclose/publish/words-az-core.txt \
 *     /work/shared/seed/ministry-order-2012.txt content
 * </pre>
 */
public final class WordListBuilder {
  /** The key of a data file's English block. */
  private static final String ENGLISH_BLOCK = "en";

  private WordListBuilder() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: WordListBuilder OUTPUT CORE [SOURCE_FILE_OR_DIR...]");
      System.exit(2);
    }
    TreeSet<String> words = new TreeSet<>();
    for (String l : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
      String w = l.strip();
      if (!w.isEmpty() && !w.startsWith("#")) {
        addWords(w, words);
      }
    }
    for (int i = 2; i < args.length; i++) {
      Path p = Path.of(args[i]);
      List<Path> files = new ArrayList<>();
      if (Files.isDirectory(p)) {
        try (Stream<Path> all = Files.walk(p)) {
          all.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
      } else {
        files.add(p);
      }
      for (Path f : files) {
        collect(f, words);
      }
    }
    Files.writeString(Path.of(args[0]), String.join("\n", words) + "\n", StandardCharsets.UTF_8);
    System.out.println(words.size() + " words written to " + args[0]);
  }

  static void collect(Path f, TreeSet<String> words) throws IOException {
    String name = f.getFileName().toString();
    if (name.equals("words.txt") || name.equalsIgnoreCase("README.md") || f.toString().replace('\\', '/').contains("/holidays/")
        || az.disclose.content.Translation.languageOf(f) != null) {
      return; // x.en.md is a translation: its words are not Azerbaijani
    }
    String text = Files.readString(f, StandardCharsets.UTF_8);
    if (name.endsWith(".md")) {
      ContentFile cf = ContentFile.parse(f, name, "news", text);
      cf.text("title").ifPresent(t -> addWords(t, words));
      cf.text("summary").ifPresent(t -> addWords(t, words));
      for (PlainLanguage.Block b : PlainLanguage.blocks(cf.body(), cf.bodyLine())) {
        addWords(b.text(), words);
      }
    } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      try {
        addScalars(new YamlReader().read(text, 1), words);
      } catch (YamlReader.SyntaxError e) {
        throw new IOException(f + ":" + e.line() + ": " + e.getMessage(), e);
      }
    } else if (name.endsWith(".txt")) {
      addWords(text.replaceAll("<[^>]*>", " "), words);
    }
  }

  private static void addScalars(Node n, TreeSet<String> words) {
    if (n instanceof Node.Scalar s) {
      if (!s.text().matches("(?i)(https?://|/).*") && !s.text().matches("[a-z0-9_.:-]+") && !s.text().contains("@")) {
        addWords(s.text(), words);
      }
    } else if (n instanceof Node.Sequence seq) {
      seq.items().forEach(i -> addScalars(i, words));
    } else if (n instanceof Node.Mapping m) {
      m.entries().forEach((k, v) -> {
        if (!ENGLISH_BLOCK.equals(k)) { // an en: block holds the English version
          addScalars(v, words);
        }
      });
    }
  }

  static void addWords(String text, TreeSet<String> words) {
    Matcher m = PlainLanguage.WORD.matcher(text);
    while (m.find()) {
      if (m.start() > 0 && "”’»\"'".indexOf(text.charAt(m.start() - 1)) >= 0) {
        continue;
      }
      for (String part : m.group().split("[-'’]")) {
        if (PlainLanguage.isCheckable(part)) {
          words.add(AzText.foldAz(part));
        }
      }
    }
  }
}
