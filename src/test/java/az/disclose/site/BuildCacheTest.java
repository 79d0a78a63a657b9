package az.disclose.site;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.content.Body;
import az.disclose.content.NewsItem;
import az.disclose.content.NewsMeta;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link BuildCache} through its file: what a build wrote comes back equal; a damaged or foreign file is no cache at all. */
class BuildCacheTest {
  private static final LocalDate NEXT_RELEASE = LocalDate.of(2026, 12, 1);

  @TempDir Path dir;
  Path cacheFile;
  List<NewsItem> items;
  Map<Path, BasicFileAttributes> attributes;
  Map<String, List<String>> links;

  /** Random news metadata (every component of NewsMeta, whatever it holds), one file each. */
  @BeforeEach
  void randomNews() throws IOException {
    cacheFile = BuildCache.fileFor(dir.resolve("site"));
    RandomRecords random = new RandomRecords(7);
    items = new ArrayList<>();
    attributes = new HashMap<>();
    links = new HashMap<>();
    for (int i = 0; i < 200; i++) {
      Path file = dir.resolve("news/n-" + i + ".md").toAbsolutePath();
      Files.createDirectories(file.getParent());
      Files.writeString(file, "---\ntitle: x\n---\nmətn " + i + "\n", StandardCharsets.UTF_8);
      NewsItem item = new NewsItem(random.next(NewsMeta.class), new Body(file, 20 + i, 4));
      items.add(item);
      attributes.put(file, Files.readAttributes(file, BasicFileAttributes.class));
      links.put(item.url(), i % 3 == 0 ? List.of() : List.of("/news/", "/tags/t-" + i + "/"));
    }
  }

  private BuildCache written() throws IOException {
    BuildCache cache = BuildCache.of("frame/stats/ledger", NEXT_RELEASE, items, attributes, links,
        List.of("index.html", "news/index.html"), BuildCache.empty());
    cache.write(cacheFile);
    return cache;
  }

  @Test
  void whatABuildWroteComesBackEqual() throws IOException {
    BuildCache original = written();

    BuildCache read = BuildCache.read(cacheFile);

    assertThat(read.fingerprint()).isEqualTo("frame/stats/ledger");
    assertThat(read.nextRelease()).isEqualTo(NEXT_RELEASE);
    assertThat(read.outputs()).containsExactly("index.html", "news/index.html");
    assertThat(read.editedNews(attributes)).hasValue(Set.of());
    for (NewsItem item : items) {
      Path file = item.body().file();
      assertThat(read.lookup(file, attributes.get(file))).hasValue(item);
      assertThat(read.entry(file)).isEqualTo(original.entry(file));
      assertThat(read.entry(file).orElseThrow().links()).isEqualTo(links.get(item.url()));
    }
  }

  @Test
  void eachPagesRelatedNewsAndTheLastRegenerationComeBack() throws IOException {
    java.util.Map<String, String> related = new HashMap<>();
    items.forEach(i -> related.put(i.url(), "/news/a/\tA\t2013-01-01\n"));
    java.time.Instant regenerated = java.time.Instant.parse("2026-11-25T06:00:00Z");
    BuildCache.of("f/s/l", NEXT_RELEASE, items, attributes, links, related, List.of("index.html"), BuildCache.empty(), regenerated)
        .write(cacheFile);

    BuildCache read = BuildCache.read(cacheFile);

    assertThat(read.regenerated()).hasValue(regenerated);
    assertThat(read.entry(items.get(5).body().file()).orElseThrow().related()).isEqualTo("/news/a/\tA\t2013-01-01\n");
    assertThat(BuildCache.empty().regenerated()).isEmpty();
  }

  @Test
  void aCacheReadBackAndWrittenAgainIsTheSameFile() throws IOException {
    written();
    byte[] first = Files.readAllBytes(cacheFile);
    BuildCache read = BuildCache.read(cacheFile);
    BuildCache.of(read.fingerprint(), read.nextRelease(), items, attributes, links, read.outputs(), read).write(cacheFile);
    assertThat(Files.readAllBytes(cacheFile)).isEqualTo(first);
  }

  @Test
  void anEditedFileIsNotTakenFromTheCacheAndIsNamedAsEdited() throws IOException {
    written();
    Path file = items.get(3).body().file();
    Files.writeString(file, "---\ntitle: y\n---\nbaşqa mətn, daha uzun\n", StandardCharsets.UTF_8);
    BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
    Map<Path, BasicFileAttributes> current = new HashMap<>(attributes);
    current.put(file, now);

    BuildCache read = BuildCache.read(cacheFile);

    assertThat(read.lookup(file, now)).isEmpty();
    assertThat(read.editedNews(current)).hasValue(Set.of(file));
    current.remove(file);
    assertThat(read.editedNews(current)).as("a file removed").isEmpty();
  }

  @Test
  void anyChangedByteMakesItNoCacheAtAll() throws IOException {
    written();
    byte[] whole = Files.readAllBytes(cacheFile);
    for (int at = 0; at < whole.length; at += Math.max(1, whole.length / 300)) {
      byte[] damaged = whole.clone();
      damaged[at] ^= 0x10;
      Files.write(cacheFile, damaged);
      assertEmpty(BuildCache.read(cacheFile), "byte " + at + " changed");
    }
  }

  @Test
  void aCacheCutOffAnywhereIsNoCacheAtAll() throws IOException {
    written();
    byte[] whole = Files.readAllBytes(cacheFile);
    for (int length = 0; length < whole.length; length += Math.max(1, whole.length / 300)) {
      Files.write(cacheFile, java.util.Arrays.copyOf(whole, length));
      assertEmpty(BuildCache.read(cacheFile), "cut at " + length);
    }
  }

  /** A cache written by a program whose news metadata had other components: its checksum is right, its schema is not. */
  @Test
  void aCacheOfAnotherSchemaOrFormatIsNoCacheAtAll() throws IOException {
    written();
    byte[] whole = Files.readAllBytes(cacheFile);
    String schema = BuildCache.CODEC.schema();
    assertThat(new String(whole, 8, schema.length(), StandardCharsets.UTF_8)).isEqualTo(schema);

    byte[] otherSchema = whole.clone();
    byte[] changed = schema.replace("summary:String", "summary:Strinq").getBytes(StandardCharsets.UTF_8);
    System.arraycopy(changed, 0, otherSchema, 8, changed.length);
    Files.write(cacheFile, withChecksum(otherSchema));
    assertEmpty(BuildCache.read(cacheFile), "another schema");

    byte[] olderFormat = whole.clone();
    olderFormat[3] = (byte) (BuildCache.FORMAT - 1);
    Files.write(cacheFile, withChecksum(olderFormat));
    assertEmpty(BuildCache.read(cacheFile), "an older format");

    Files.write(cacheFile, whole);
    assertThat(BuildCache.read(cacheFile).fingerprint()).as("the file as written").isEqualTo("frame/stats/ledger");
  }

  @Test
  void noCacheFileIsNoCache() {
    assertEmpty(BuildCache.read(cacheFile), "no file");
  }

  /**
   * An empty cache is a full build: its fingerprint matches no build's inputs (so BuildPlan.scope
   * never finds them the same) and it holds no news item.
   */
  private void assertEmpty(BuildCache cache, String what) {
    assertThat(cache.fingerprint()).as(what).isEmpty();
    assertThat(cache.outputs()).as(what).isEmpty();
    assertThat(cache.lookup(items.get(0).body().file(), attributes.get(items.get(0).body().file()))).as(what).isEmpty();
    assertThat(BuildPlan.scope(new BuildPlan.Facts(new BuildPlan.NotTold(), cache.fingerprint().equals("frame/stats/ledger"),
        false, cache.editedNews(attributes), () -> true))).as(what).isEqualTo(new BuildPlan.Full());
  }

  /** {@code bytes} with their last four replaced by the CRC-32 of those before them, as the cache writes it. */
  private static byte[] withChecksum(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 4);
    int value = (int) crc.getValue();
    byte[] out = bytes.clone();
    for (int i = 0; i < 4; i++) {
      out[out.length - 4 + i] = (byte) (value >>> (24 - 8 * i));
    }
    return out;
  }
}
