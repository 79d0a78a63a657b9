package az.disclose.inbox.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The test corpus under src/test/resources/mail/corpus (written by make-corpus.py). */
final class Corpus {
  private Corpus() {}

  static byte[] bytes(String name) {
    try (InputStream in = Corpus.class.getResourceAsStream("/mail/corpus/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no corpus message " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> names() {
    try {
      Path dir = Path.of(Corpus.class.getResource("/mail/corpus").toURI());
      try (Stream<Path> s = Files.list(dir)) {
        return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".eml")).sorted().toList();
      }
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A message with a 20 MB attachment (generated, not committed). */
  static byte[] bigAttachment(int megabytes) {
    StringBuilder b = new StringBuilder();
    b.append("From: big@example.az\r\nTo: info@ministry.example\r\nSubject: big\r\nMessage-ID: <big-")
        .append(megabytes).append("@example.az>\r\nMIME-Version: 1.0\r\n")
        .append("Content-Type: multipart/mixed; boundary=\"BIG\"\r\n\r\n--BIG\r\nContent-Type: text/plain\r\n\r\n")
        .append("see the attachment\r\n--BIG\r\nContent-Type: application/octet-stream\r\n")
        .append("Content-Disposition: attachment; filename=big.bin\r\nContent-Transfer-Encoding: base64\r\n\r\n");
    byte[] data = new byte[megabytes * 1024 * 1024];
    new java.util.Random(42).nextBytes(data);
    b.append(java.util.Base64.getMimeEncoder().encodeToString(data)).append("\r\n--BIG--\r\n");
    return b.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
