import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * The file-system floor of a site build: creates N page directories and writes a 10 KB
 * index.html in each, in parallel, as a build of N news pages must.
 *
 * <p>Usage: {@code java bench/FsCost.java EMPTY_DIR N}
 */
public final class FsCost {
  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    byte[] page = new byte[10_000];
    long start = System.nanoTime();
    IntStream.range(0, n).parallel().forEach(i -> {
      try {
        Path dir = root.resolve("news/p" + i);
        Files.createDirectories(dir);
        Files.write(dir.resolve("index.html"), page);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    System.out.printf("%d directories and files in %.2f s%n", n, (System.nanoTime() - start) / 1e9);
  }
}
