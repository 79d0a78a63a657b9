import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * What Markdown alone costs a build: every news body of a corpus through commonmark-java on one
 * thread, with the site's extensions and without, parse alone and parse plus render; best of
 * ROUNDS rounds, in milliseconds. Run it under the JIT settings to compare, e.g.
 *
 * <pre>
 *   java bench/GenCorpus.java /tmp/corpus 10000
 *   java -XX:TieredStopAtLevel=1 -Xmx1g -Xmn600m -XX:+AlwaysPreTouch -cp target/disclose.jar \
 *       bench/MarkdownCost.java /tmp/corpus/content/news [ROUNDS]
 * </pre>
 */
public class MarkdownCost {
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: java -cp target/disclose.jar bench/MarkdownCost.java NEWS_DIR [ROUNDS]");
      System.exit(2);
    }
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<String> bodies = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of(args[0]))) {
      for (Path f : files.sorted().toList()) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        int close = text.indexOf("\n---\n", 3);
        bodies.add(close < 0 ? text : text.substring(close + 5));
      }
    }
    Map<String, List<Extension>> sets = new LinkedHashMap<>();
    sets.put("core", List.of());
    sets.put("tables", List.of(TablesExtension.create()));
    sets.put("site (tables, anchors, autolinks)",
        List.of(TablesExtension.create(), HeadingAnchorExtension.create(), AutolinkExtension.create()));
    Map<String, Long> best = new LinkedHashMap<>();
    for (int round = 0; round < rounds; round++) {
      for (Map.Entry<String, List<Extension>> set : sets.entrySet()) {
        Parser parser = Parser.builder().extensions(set.getValue()).build();
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(set.getValue()).escapeHtml(true).build();
        long sink = 0;
        long t0 = System.nanoTime();
        for (String b : bodies) {
          sink += parser.parse(b).hashCode();
        }
        long t1 = System.nanoTime();
        for (String b : bodies) {
          sink += renderer.render(parser.parse(b)).length();
        }
        long t2 = System.nanoTime();
        best.merge(set.getKey() + ", parse", (t1 - t0) / 1_000_000, Math::min);
        best.merge(set.getKey() + ", parse and render", (t2 - t1) / 1_000_000, Math::min);
        if (sink == 42) {
          System.out.print("");
        }
      }
    }
    System.out.printf("%d bodies, best of %d rounds, one thread (%s):%n", bodies.size(), rounds,
        String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
    best.forEach((what, ms) -> System.out.printf("  %-45s %6d ms%n", what, ms));
  }
}
