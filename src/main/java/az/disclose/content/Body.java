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
  public String read() throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8).substring(offset);
  }
}
