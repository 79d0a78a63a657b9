package az.disclose.inbox.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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

  /**
   * What the intake must make of a corpus message (a line of mail/manifest.tsv, written by
   * make-corpus.py); a field that is not checked is empty.
   */
  record Expected(String file, String outcome, Optional<String> sender, Optional<String> subject, Optional<String> text,
      Optional<List<String>> files) {}

  /** The manifest, by file name. */
  static Map<String, Expected> manifest() {
    Map<String, Expected> out = new LinkedHashMap<>();
    try (InputStream in = Corpus.class.getResourceAsStream("/mail/manifest.tsv")) {
      if (in == null) {
        throw new IllegalStateException("no mail/manifest.tsv: run make-corpus.py");
      }
      int line = 0;
      for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        line++;
        if (l.isBlank() || l.startsWith("#")) {
          continue;
        }
        String[] f = l.split("\t", -1);
        if (f.length != 6) {
          throw new IllegalStateException("mail/manifest.tsv:" + line + ": 6 tab-separated fields expected, not " + f.length);
        }
        out.put(f[0], new Expected(f[0], f[1], given(f[2]), given(f[3]), given(f[4]),
            given(f[5]).map(x -> List.of(x.split(",")))));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<String> given(String field) {
    return field.equals("-") ? Optional.empty() : Optional.of(field);
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
