package az.disclose.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the Markdown body of a content file is: the file and the character offset after its front
 * matter. News bodies are not kept in memory between loading and rendering (a site has thousands);
 * {@link #read()} reads them again when their page is rendered.
 *
 * @param line the file line the body starts on
 */
public record Body(Path file, int offset, int line) {
  /** The body's text; never through a symbolic link (the file was checked when it was loaded, and is again). */
  public String read() throws IOException {
    try (java.io.InputStream in = Files.newInputStream(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).substring(offset);
    }
  }
}
