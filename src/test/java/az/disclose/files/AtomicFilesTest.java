package az.disclose.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  private long filesIn(Path d) throws IOException {
    try (Stream<Path> files = Files.list(d)) {
      return files.count();
    }
  }

  @Test
  void replacesTheFileAndLeavesNoTemporaryFileBehind() throws Exception {
    Path file = dir.resolve("səhifə.html");
    Files.writeString(file, "köhnə");
    AtomicFiles.write(file, "təzə".getBytes(StandardCharsets.UTF_8));
    assertThat(Files.readString(file)).isEqualTo("təzə");
    AtomicFiles.write(file, out -> out.write("ən təzə".getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.readString(file)).isEqualTo("ən təzə");
    assertThat(filesIn(dir)).isEqualTo(1);
  }

  @Test
  void aFailedWriteKeepsTheOldFileWholeAndRemovesItsTemporaryFile() throws Exception {
    Path file = dir.resolve("ledger.yaml");
    Files.writeString(file, "köhnə");
    assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
      out.write("yarım".getBytes(StandardCharsets.UTF_8));
      throw new IOException("disk dolub");
    })).hasMessage("disk dolub");
    assertThat(Files.readString(file)).isEqualTo("köhnə");
    assertThat(filesIn(dir)).isEqualTo(1);
  }
}
