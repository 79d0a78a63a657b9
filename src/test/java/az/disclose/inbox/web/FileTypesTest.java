package az.disclose.inbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileTypesTest {

  @Test
  void acceptsEachAllowedTypeWhenNameAndBytesAgree() {
    assertThat(FileTypes.check("a.pdf", Samples.pdf())).contains("application/pdf");
    assertThat(FileTypes.check("A.PNG", Samples.png())).contains("image/png");
    assertThat(FileTypes.check("photo.jpg", Samples.jpeg())).contains("image/jpeg");
    assertThat(FileTypes.check("photo.jpeg", Samples.jpeg())).contains("image/jpeg");
    assertThat(FileTypes.check("qeyd.txt", Samples.txt())).contains("text/plain; charset=utf-8");
    assertThat(FileTypes.check("ərizə.docx", Samples.docx())).get().asString().contains("wordprocessingml");
    assertThat(FileTypes.check("cədvəl.xlsx", Samples.xlsx())).get().asString().contains("spreadsheetml");
    assertThat(FileTypes.check("mətn.odt", Samples.odt())).contains("application/vnd.oasis.opendocument.text");
  }

  @Test
  void refusesOtherExtensions() {
    assertThat(FileTypes.check("setup.exe", "MZ\u0090".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
    assertThat(FileTypes.check("page.html", "<html>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    assertThat(FileTypes.check("noextension", Samples.pdf())).isEmpty();
    assertThat(FileTypes.check("dot.", Samples.pdf())).isEmpty();
  }

  @Test
  void refusesBytesThatDoNotMatchTheName() {
    assertThat(FileTypes.check("fake.pdf", Samples.png())).isEmpty();
    assertThat(FileTypes.check("fake.png", Samples.pdf())).isEmpty();
    assertThat(FileTypes.check("fake.jpg", Samples.pdf())).isEmpty();
    assertThat(FileTypes.check("binary.txt", new byte[] {'a', 0, 'b'})).isEmpty();
    assertThat(FileTypes.check("latin1.txt", new byte[] {'a', (byte) 0xE9, 'b'})).isEmpty();
    assertThat(FileTypes.check("empty.txt", new byte[0])).isEmpty();
    assertThat(FileTypes.check("plain.docx", Samples.plainZip())).isEmpty();
    assertThat(FileTypes.check("word.xlsx", Samples.docx())).isEmpty();
    assertThat(FileTypes.check("word.odt", Samples.docx())).isEmpty();
    assertThat(FileTypes.check("text.odt", Samples.zip("application/vnd.oasis.opendocument.spreadsheet", "content.xml", "x"))).isEmpty();
    assertThat(FileTypes.check("truncated.docx", java.util.Arrays.copyOf(Samples.docx(), 40))).isEmpty();
  }

  @Test
  void readsZipNamesFromTheCentralDirectoryWithoutInflating() {
    assertThat(FileTypes.zipEntryNames(Samples.docx())).containsExactly("[Content_Types].xml", "word/document.xml");
    assertThat(FileTypes.zipEntryNames(Samples.pdf())).isEmpty();
  }
}
