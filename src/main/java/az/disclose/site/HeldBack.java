package az.disclose.site;

import az.disclose.content.Body;
import az.disclose.content.Content;
import az.disclose.files.AtomicFiles;
import az.disclose.publish.Finding;
import az.disclose.publish.HoldBack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The build's side of {@link HoldBack}: which of the items it would publish are held back, with
 * their findings, and the record of them beside the build cache ({@code <cache>.held}), so that the
 * next build, in this process or another, knows what the last one left out.
 */
final class HeldBack {
  private static final String HEADER = "disclose held-back 1";

  private HeldBack() {}

  /**
   * The items held back (by source file, absolute and normalised, with their findings as {@code
   * check} prints them) and the justified exceptions of the items published (by site path).
   */
  record Judged(Map<Path, List<String>> held, Map<String, List<String>> exceptions) {}

  /** An item's source file and its translation's ({@code x.en.md}), null when it has none. */
  private record Item(Path file, String kind, Path translation) {}

  /**
   * Judges the items of {@code candidates} whose source file is in {@code only} (all of them when
   * null), and every item with a translation (whose edits {@code only} does not name); the others
   * are taken as publishable. An error in an item's translation holds back the translation alone,
   * by its own file: the original, which the order requires on time, is published, and the second
   * language's page shows it as untranslated until the translation is mended.
   */
  static Judged judge(HoldBack rules, Content candidates, Set<Path> only) throws IOException {
    List<Item> items = new ArrayList<>();
    candidates.news().forEach(n -> items.add(item(candidates, n.body(), "news")));
    candidates.pages().forEach(p -> items.add(item(candidates, p.body(), "pages")));
    candidates.documents().forEach(d -> items.add(item(candidates, d.body(), "documents")));
    Map<Path, List<String>> held = new ConcurrentHashMap<>();
    Map<String, List<String>> exceptions = new ConcurrentHashMap<>();
    try {
      items.parallelStream().filter(i -> only == null || only.contains(i.file()) || i.translation() != null).forEach(i -> {
        try {
          HoldBack.Verdict v = rules.judge(i.file(), i.kind());
          if (v.held()) {
            held.put(i.file(), v.errors().stream().map(Finding::toString).toList());
          } else if (!v.exceptions().isEmpty()) {
            exceptions.put(v.sitePath(), v.exceptions());
          }
          List<Finding> inTranslation = i.translation() == null ? List.of() : rules.judge(i.translation(), i.kind()).errors();
          if (!inTranslation.isEmpty()) {
            held.put(i.translation(), inTranslation.stream().map(Finding::toString).toList());
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return new Judged(new TreeMap<>(held), new TreeMap<>(exceptions));
  }

  private static Item item(Content candidates, Body body, String kind) {
    Path translation = candidates.translation(body.file()).map(t -> t.body().file().toAbsolutePath().normalize()).orElse(null);
    return new Item(body.file().toAbsolutePath().normalize(), kind, translation);
  }

  /** Every finding of the held items, sorted: what the build lists. */
  static List<String> lines(Map<Path, List<String>> held) {
    return held.values().stream().flatMap(List::stream).sorted().toList();
  }

  static Set<Path> union(Set<Path> a, Set<Path> b) {
    Set<Path> out = new HashSet<>(a);
    out.addAll(b);
    return out;
  }

  private static Path fileFor(Path cacheFile) {
    return cacheFile.resolveSibling(cacheFile.getFileName() + ".held");
  }

  /** What the last build held back, or null when that is not known (no record, or a damaged one). */
  static Map<Path, List<String>> read(Path cacheFile) {
    List<String> lines;
    try {
      lines = Files.readAllLines(fileFor(cacheFile), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      return null; // the build then redoes everything, which needs no record
    }
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      return null;
    }
    Map<Path, List<String>> held = new TreeMap<>();
    for (String line : lines.subList(1, lines.size())) {
      int tab = line.indexOf('\t');
      if (tab <= 0) {
        return null;
      }
      held.computeIfAbsent(Path.of(line.substring(0, tab)), p -> new ArrayList<>()).add(line.substring(tab + 1));
    }
    return held;
  }

  /** Records what this build held back, for the next one. */
  static void write(Path cacheFile, Map<Path, List<String>> held) throws IOException {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    held.forEach((file, findings) -> findings.forEach(f ->
        out.append(file).append('\t').append(f.replace('\n', ' ').replace('\t', ' ')).append('\n')));
    Files.createDirectories(fileFor(cacheFile).getParent());
    AtomicFiles.write(fileFor(cacheFile), out.toString().getBytes(StandardCharsets.UTF_8));
  }
}
