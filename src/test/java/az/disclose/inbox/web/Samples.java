package az.disclose.inbox.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small files of each accepted type, as real programs write their first bytes. */
final class Samples {
  private Samples() {}

  static byte[] pdf() {
    return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] png() {
    byte[] b = new byte[64];
    byte[] sig = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    System.arraycopy(sig, 0, b, 0, sig.length);
    return b;
  }

  static byte[] jpeg() {
    byte[] b = new byte[64];
    b[0] = (byte) 0xFF;
    b[1] = (byte) 0xD8;
    b[2] = (byte) 0xFF;
    b[3] = (byte) 0xE0;
    return b;
  }

  static byte[] txt() {
    return "Sənəd: ə ı ğ ö ü ç ş İ\r\n".getBytes(StandardCharsets.UTF_8);
  }

  static byte[] docx() {
    return zip(null, "[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>");
  }

  static byte[] xlsx() {
    return zip(null, "[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>");
  }

  static byte[] odt() {
    return zip("application/vnd.oasis.opendocument.text", "content.xml", "<office:document-content/>",
        "META-INF/manifest.xml", "<manifest/>");
  }

  /** A ZIP that is neither: a plain archive renamed. */
  static byte[] plainZip() {
    return zip(null, "readme.txt", "hello", "data.csv", "a,b");
  }

  /** A ZIP with the given entries (name, text, ...); with {@code odfMime}, a stored "mimetype" entry first. */
  static byte[] zip(String odfMime, String... entries) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(out)) {
        if (odfMime != null) {
          byte[] mime = odfMime.getBytes(StandardCharsets.US_ASCII);
          ZipEntry e = new ZipEntry("mimetype");
          e.setMethod(ZipEntry.STORED);
          e.setSize(mime.length);
          CRC32 crc = new CRC32();
          crc.update(mime);
          e.setCrc(crc.getValue());
          zip.putNextEntry(e);
          zip.write(mime);
          zip.closeEntry();
        }
        for (int i = 0; i < entries.length; i += 2) {
          zip.putNextEntry(new ZipEntry(entries[i]));
          zip.write(entries[i + 1].getBytes(StandardCharsets.UTF_8));
          zip.closeEntry();
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
