package az.disclose.site;

import az.disclose.content.Body;
import az.disclose.content.NewsItem;
import az.disclose.content.NewsMeta;
import az.disclose.files.AtomicFiles;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What the last successful build read and wrote, kept beside the output directory (never inside
 * it, so it is not published). It lets the next build
 *
 * <ul>
 *   <li>do nothing at all when no input changed and every output is still there;
 *   <li>take unchanged news items (same size and modification time) without reading them;
 *   <li>keep the pages of unchanged news items without rendering them, when nothing else that a
 *       news page shows (theme, settings, pages in the navigation) changed.
 * </ul>
 *
 * A missing, unreadable, damaged (its CRC-32), older-format or other-schema ({@link RecordCodec#schema})
 * cache is simply a full build.
 */
final class BuildCache {
  /**
   * 6: a CRC-32 of everything before it ends the file; 7: entries written by {@link RecordCodec},
   * its schema after this number (a cache of another schema is not read); 8: an entry holds the
   * related news its page listed, and the header when the published content last changed.
   */
  static final int FORMAT = 8;

  /**
   * A news file as the last build saw it, the internal links of its page and what its page listed
   * as related news ({@code related}: their addresses, titles and dates, one line each).
   */
  record Entry(long size, long modified, NewsItem item, List<String> links, String related) {
    boolean matches(BasicFileAttributes a) {
      return stamp(size, modified).matches(a);
    }
  }

  /** A file's size and modification time (nanoseconds). */
  private record Stamp(long size, long modified) {
    boolean matches(BasicFileAttributes a) {
      return a.size() == size && a.lastModifiedTime().to(TimeUnit.NANOSECONDS) == modified;
    }
  }

  private static Stamp stamp(long size, long modified) {
    return new Stamp(size, modified);
  }

  private final String fingerprint;
  /** The day a held-back item becomes due; until then a build with no change has nothing to do. */
  private final LocalDate nextRelease;
  /** By news file: its absolute, normal path as a string (no path parsing when the cache is read). */
  private final Map<String, Stamp> stamps;
  /**
   * Each entry's item and links, encoded, as read from the file; decoded only when asked for, so
   * that a build with nothing to do reads the file's bytes but decodes no text. A cache made by
   * {@link #of} holds its entries decoded and encodes them when written.
   */
  private final Map<String, Bytes> encoded;
  private final Map<String, Entry> decoded = new ConcurrentHashMap<>();
  private final List<String> outputs;
  /**
   * When the published content last changed (the moment the home and openness pages show as "last
   * regenerated"), in epoch seconds; {@link #UNKNOWN}: not known (a first build).
   */
  private final long regenerated;
  private static final long UNKNOWN = Long.MIN_VALUE;

  private BuildCache(String fingerprint, LocalDate nextRelease, Map<String, Stamp> stamps, Map<String, Bytes> encoded,
      List<String> outputs, long regenerated) {
    this.regenerated = regenerated;
    this.fingerprint = fingerprint;
    this.nextRelease = nextRelease;
    this.stamps = stamps;
    this.encoded = encoded;
    this.outputs = List.copyOf(outputs);
  }

  /** A news file's key: its absolute, normal path as a string. */
  private static String key(Path file) {
    return file.toAbsolutePath().normalize().toString();
  }

  static BuildCache empty() {
    return new BuildCache("", LocalDate.MIN, Map.of(), Map.of(), List.of(), UNKNOWN);
  }

  /** Where the cache of an output directory lives: {@code <parent>/.disclose-cache/<name>.bin}. */
  static Path fileFor(Path outDir) {
    Path out = outDir.toAbsolutePath().normalize();
    Path parent = out.getParent() == null ? out : out.getParent();
    return parent.resolve(".disclose-cache").resolve(out.getFileName() + ".bin");
  }

  String fingerprint() {
    return fingerprint;
  }

  LocalDate nextRelease() {
    return nextRelease;
  }

  /** When the published content last changed, as the last build recorded it. */
  java.util.Optional<java.time.Instant> regenerated() {
    return regenerated == UNKNOWN ? java.util.Optional.empty() : java.util.Optional.of(java.time.Instant.ofEpochSecond(regenerated));
  }

  List<String> outputs() {
    return outputs;
  }

  Optional<Entry> entry(Path newsFile) {
    String key = key(newsFile);
    Entry known = decoded.get(key);
    if (known != null) {
      return Optional.of(known);
    }
    Bytes bytes = encoded.get(key);
    if (bytes == null) {
      return Optional.empty();
    }
    return Optional.of(decoded.computeIfAbsent(key, k -> decode(k, stamps.get(k), bytes)));
  }

  /** The cached item of {@code file} when its attributes are as cached. */
  Optional<NewsItem> lookup(Path file, BasicFileAttributes attributes) {
    Stamp known = stamps.get(key(file));
    if (known == null || !known.matches(attributes)) {
      return Optional.empty();
    }
    return entry(file).map(e -> relocated(e.item(), file));
  }

  /** The cached item, its body pointing at {@code file} as the loader named it. */
  private static NewsItem relocated(NewsItem item, Path file) {
    Body b = item.body();
    return new NewsItem(item.meta(), new Body(file, b.offset(), b.line()));
  }

  /**
   * The news files in {@code current} whose size or time is not as cached, when {@code current}
   * holds the same news files as the cache (none added, none removed); empty otherwise.
   */
  Optional<Set<Path>> editedNews(Map<Path, BasicFileAttributes> current) {
    if (current.size() != stamps.size()) {
      return Optional.empty();
    }
    Set<Path> edited = new HashSet<>();
    for (Map.Entry<Path, BasicFileAttributes> e : current.entrySet()) {
      Stamp known = stamps.get(key(e.getKey()));
      if (known == null) {
        return Optional.empty();
      }
      if (!known.matches(e.getValue())) {
        edited.add(e.getKey());
      }
    }
    return Optional.of(edited);
  }

  static BuildCache read(Path file) {
    byte[] all;
    try {
      all = readAll(file);
    } catch (IOException e) {
      return empty(); // none yet, or unreadable: a full build
    }
    // Damage of any kind (cut off, zeroed blocks after a crash, bytes changed) fails the checksum.
    int payload = all.length - 4;
    if (payload < 4 || (int) crc32(all, payload) != new Bytes(all, payload, all.length).int32()) {
      return empty();
    }
    // From the file's bytes, with the entries left where they are (no copy of each).
    try {
      Bytes in = new Bytes(all, 0, payload);
      if (in.int32() != FORMAT || !in.text().equals(CODEC.schema())) {
        return empty(); // another program's cache: a full build
      }
      String fingerprint = in.text();
      LocalDate nextRelease = LocalDate.ofEpochDay(in.int64());
      long regenerated = in.int64();
      int count = in.int32();
      Map<String, Stamp> stamps = new HashMap<>(count * 2);
      Map<String, Bytes> encoded = new HashMap<>(count * 2);
      for (int i = 0; i < count; i++) {
        String source = in.text();
        stamps.put(source, stamp(in.int64(), in.int64()));
        encoded.put(source, in.slice(in.int32()));
      }
      int outputCount = in.int32();
      List<String> outputs = new ArrayList<>(outputCount);
      for (int i = 0; i < outputCount; i++) {
        outputs.add(in.text());
      }
      if (in.at != payload) {
        return empty();
      }
      return new BuildCache(fingerprint, nextRelease, stamps, encoded, outputs, regenerated);
    } catch (RuntimeException e) {
      // A damaged cache only costs a full build.
      return empty();
    }
  }

  /** Bytes read from the file at a time (see {@link #readAll}). */
  private static final int READ_CHUNK = 1 << 16;

  /**
   * The file's bytes, read in pieces: {@link Files#readAllBytes} reads through a temporary direct
   * buffer as large as the file, which on this project's VM made reading the 6.8 MB cache of a
   * 10,000-news site take ~100 ms (fresh memory touched and zeroed twice), a third of a build
   * with nothing to do.
   */
  private static byte[] readAll(Path file) throws IOException {
    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
      long size = channel.size();
      if (size > Integer.MAX_VALUE - 16) {
        throw new IOException("build cache too large: " + size + " bytes");
      }
      byte[] all = new byte[(int) size];
      java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(all);
      while (buffer.position() < all.length) {
        buffer.limit(Math.min(all.length, buffer.position() + READ_CHUNK));
        if (channel.read(buffer) < 0) {
          throw new IOException("build cache cut off while read");
        }
      }
      return all;
    }
  }

  /**
   * A part of a cache file's bytes, read from its start: the file's numbers and strings as
   * {@link #write} wrote them (big-endian, strings as length and UTF-8). Reading past its end
   * throws: the cache is damaged.
   */
  private static final class Bytes implements RecordCodec.Source {
    private final byte[] b;
    private final int start;
    private final int end;
    private int at;

    Bytes(byte[] b, int from, int end) {
      this.b = b;
      this.start = from;
      this.at = from;
      this.end = end;
    }

    private int need(int n) {
      if (n < 0 || n > end - at) {
        throw new IllegalStateException("damaged build cache: cut off or negative length");
      }
      int from = at;
      at += n;
      return from;
    }

    @Override
    public int int32() {
      int i = need(4);
      return (b[i] & 0xff) << 24 | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | (b[i + 3] & 0xff);
    }

    @Override
    public long int64() {
      return (long) int32() << 32 | (int32() & 0xffffffffL);
    }

    @Override
    public boolean bool() {
      return b[need(1)] != 0;
    }

    @Override
    public String text() {
      int n = int32();
      return new String(b, need(n), n, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The next {@code n} bytes, as a part of their own, without copying them. */
    Bytes slice(int n) {
      int from = need(n);
      return new Bytes(b, from, from + n);
    }

    /** The whole part, from its start, to a stream. */
    void writeTo(java.io.OutputStream out) throws IOException {
      out.write(b, start, end - start);
    }
  }

  /**
   * What the cache holds of a news file besides its stamp: its metadata, where its body starts and
   * the internal links of its page — written and read by {@link #CODEC}, component by component.
   */
  record Stored(NewsMeta meta, int bodyOffset, int bodyLine, List<String> links, String related) {}

  /** Stores {@link Stored} and everything in it, {@link NewsMeta}'s components included, generically. */
  static final RecordCodec<Stored> CODEC = RecordCodec.of(Stored.class);

  private static Entry decode(String source, Stamp stamp, Bytes encoded) {
    Bytes in = new Bytes(encoded.b, encoded.start, encoded.end);
    try {
      Stored s = CODEC.read(in);
      if (in.at != in.end) {
        throw new IllegalStateException("damaged build cache: bytes left after an entry");
      }
      return new Entry(stamp.size(), stamp.modified(), new NewsItem(s.meta(), new Body(Path.of(source), s.bodyOffset(), s.bodyLine())),
          s.links(), s.related());
    } catch (IllegalStateException e) {
      throw new java.io.UncheckedIOException(new IOException("damaged build cache entry for " + source, e));
    }
  }

  private static Bytes encode(Entry entry) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      NewsItem n = entry.item();
      CODEC.write(out, new Stored(n.meta(), n.body().offset(), n.body().line(), entry.links(), entry.related()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    byte[] all = bytes.toByteArray();
    return new Bytes(all, 0, all.length);
  }

  private static void writeText(DataOutputStream out, String s) throws IOException {
    RecordCodec.writeText(out, s);
  }

  private static long crc32(byte[] bytes, int length) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(bytes, 0, length);
    return crc.getValue();
  }

  /** Writes the cache atomically (see {@link AtomicFiles}), its CRC-32 last. */
  void write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    AtomicFiles.write(file, stream -> {
      java.util.zip.CheckedOutputStream checked = new java.util.zip.CheckedOutputStream(stream, new java.util.zip.CRC32());
      DataOutputStream out = new DataOutputStream(checked);
      out.writeInt(FORMAT);
      writeText(out, CODEC.schema());
      writeText(out, fingerprint);
      out.writeLong(nextRelease.toEpochDay());
      out.writeLong(regenerated);
      out.writeInt(stamps.size());
      for (Map.Entry<String, Stamp> e : stamps.entrySet()) {
        writeText(out, e.getKey());
        out.writeLong(e.getValue().size());
        out.writeLong(e.getValue().modified());
        Bytes bytes = encoded.computeIfAbsent(e.getKey(), k -> encode(decoded.get(k)));
        out.writeInt(bytes.end - bytes.start);
        bytes.writeTo(out);
      }
      out.writeInt(outputs.size());
      for (String o : outputs) {
        writeText(out, o);
      }
      out.flush();
      new DataOutputStream(stream).writeInt((int) checked.getChecksum().getValue());
    });
  }

  /**
   * Builds the next cache from what a successful build read and wrote; entries equal to those of
   * {@code previous} keep their encoded form, so that writing it encodes only what changed.
   */
  static BuildCache of(String fingerprint, LocalDate nextRelease, Collection<NewsItem> items, Map<Path, BasicFileAttributes> attributes,
      Map<String, List<String>> linksByUrl, Collection<String> outputs, BuildCache previous) {
    return of(fingerprint, nextRelease, items, attributes, linksByUrl, Map.of(), outputs, previous, null);
  }

  /**
   * As above, with what each news page ({@code relatedByUrl}, by its address) listed as related news,
   * and when the published content last changed ({@code regenerated}; null: not known).
   */
  static BuildCache of(String fingerprint, LocalDate nextRelease, Collection<NewsItem> items, Map<Path, BasicFileAttributes> attributes,
      Map<String, List<String>> linksByUrl, Map<String, String> relatedByUrl, Collection<String> outputs, BuildCache previous,
      java.time.Instant regenerated) {
    Map<String, Stamp> stamps = new HashMap<>(items.size() * 2);
    Map<String, Entry> decoded = new HashMap<>(items.size() * 2);
    Map<String, Bytes> encoded = new ConcurrentHashMap<>(items.size() * 2);
    for (NewsItem n : items) {
      Path source = n.body().file().toAbsolutePath().normalize();
      BasicFileAttributes a = attributes.get(source);
      if (a == null) {
        continue; // not stat'ed: simply not cached
      }
      Entry entry = new Entry(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS),
          new NewsItem(n.meta(), new Body(source, n.body().offset(), n.body().line())),
          linksByUrl.getOrDefault(n.url(), List.of()), relatedByUrl.getOrDefault(n.url(), ""));
      String key = source.toString();
      stamps.put(key, stamp(entry.size(), entry.modified()));
      decoded.put(key, entry);
      Bytes known = previous.encoded.get(key);
      if (known != null && entry.equals(previous.decoded.get(key))) {
        encoded.put(key, known);
      }
    }
    // Held decoded: a long-running process uses it for its next build as it is; encoded on write.
    BuildCache cache = new BuildCache(fingerprint, nextRelease, stamps, encoded, new ArrayList<>(outputs),
        regenerated == null ? UNKNOWN : regenerated.getEpochSecond());
    cache.decoded.putAll(decoded);
    return cache;
  }
}
