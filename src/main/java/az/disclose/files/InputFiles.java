package az.disclose.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Set;

/**
 * Reading the files of {@code content/} and {@code theme/}: never through a symbolic link (one could
 * publish a file from anywhere on the machine, such as the request register's database), and never
 * a file over its size limit, which is checked before a byte of it is read (a 50 MB Markdown file
 * ran a build out of memory).
 */
public final class InputFiles {
  public static final long MIB = 1L << 20;
  /** The setting (in content/site.yaml) of {@link Limits#textBytes()}, in MiB. */
  public static final String TEXT_SETTING = "max_text_file_mib";
  /** The setting (in content/site.yaml) of {@link Limits#publishedBytes()}, in MiB. */
  public static final String PUBLISHED_SETTING = "max_published_file_mib";
  /** Default of {@link #TEXT_SETTING}: Markdown and YAML; the largest real page is a few hundred KiB. */
  public static final int DEFAULT_TEXT_MIB = 4;
  /** Default of {@link #PUBLISHED_SETTING}: files published as they are (PDF scans, images). */
  public static final int DEFAULT_PUBLISHED_MIB = 50;

  private InputFiles() {}

  /**
   * The size limits of input files.
   *
   * @param textBytes a Markdown or YAML file of {@code content/}
   * @param publishedBytes a file copied to the site as it is ({@code content/files/}, {@code theme/static/})
   */
  public record Limits(long textBytes, long publishedBytes) {
    public static final Limits DEFAULT = new Limits(DEFAULT_TEXT_MIB * MIB, DEFAULT_PUBLISHED_MIB * MIB);

    /** The limit of a text file, as said in a problem: what it is and where to raise it. */
    public Limit text() {
      return new Limit(textBytes, "a Markdown or YAML file (" + TEXT_SETTING + " in site.yaml)");
    }

    /** The limit of a published file, as said in a problem. */
    public Limit published() {
      return new Limit(publishedBytes, "a published file (" + PUBLISHED_SETTING + " in site.yaml)");
    }
  }

  /** A size limit and the words that name it. */
  public record Limit(long bytes, String what) {}

  /** A symbolic link where a file or directory of content or theme was expected. */
  public static final class SymbolicLink extends IOException {
    private static final long serialVersionUID = 1L;

    public SymbolicLink() {
      super(MESSAGE);
    }
  }

  /** What a problem says of a symbolic link under content/ or theme/. */
  public static final String MESSAGE = "is a symbolic link; disclose never follows one (it could publish a file from "
      + "outside content/ and theme/): put the file itself here, or remove the link";

  /** A file over its size limit. */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    public TooLarge(long size, Limit limit) {
      super(tooLarge(size, limit));
    }
  }

  /** What a problem says of a file of {@code size} bytes over {@code limit}. */
  public static String tooLarge(long size, Limit limit) {
    return "is " + mib(size) + ", over the limit of " + mib(limit.bytes()) + " for " + limit.what()
        + "; make it smaller (split it, compress it), or raise the limit";
  }

  /**
   * The bytes of {@code file}, opened without following a symbolic link (a link is {@link
   * SymbolicLink}), its size checked against {@code limit} before it is read ({@link TooLarge});
   * at most {@code limit} bytes are ever held, even if the file grows while it is read.
   */
  public static byte[] read(Path file, Limit limit) throws IOException {
    try (SeekableByteChannel channel = Files.newByteChannel(file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
      long size = channel.size();
      if (size > limit.bytes()) {
        throw new TooLarge(size, limit);
      }
      InputStream in = Channels.newInputStream(channel);
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit.bytes() + 1));
      if (bytes.length > limit.bytes()) {
        throw new TooLarge(bytes.length, limit);
      }
      return bytes;
    } catch (FileSystemException e) {
      // O_NOFOLLOW on a link fails with ELOOP, whose message does not say "link": say it.
      if (Files.isSymbolicLink(file)) {
        throw new SymbolicLink();
      }
      throw e;
    }
  }

  /** {@link #read}, decoded as strict UTF-8 (a malformed file is a {@link java.nio.charset.CharacterCodingException}). */
  public static String readText(Path file, Limit limit) throws IOException {
    return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(read(file, limit))).toString();
  }

  private static String mib(long bytes) {
    return bytes % MIB == 0 ? bytes / MIB + " MiB" : String.format(Locale.ROOT, "%.1f MiB", bytes / (double) MIB);
  }
}
