package az.disclose.inbox.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The attachment types the intake accepts, checked by the file name's extension AND by the bytes
 * (magic numbers; for the ZIP-based office formats, the ZIP central directory's entry names, read
 * without inflating anything, so a ZIP bomb costs nothing).
 */
final class FileTypes {
  /** Extension to the media type the register stores (the client's claimed type is ignored). */
  static final Map<String, String> ALLOWED = Map.of(
      "pdf", "application/pdf",
      "png", "image/png",
      "jpg", "image/jpeg",
      "jpeg", "image/jpeg",
      "txt", "text/plain; charset=utf-8",
      "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "odt", "application/vnd.oasis.opendocument.text");

  /** The list shown to people: "pdf, png, jpeg, txt, docx, xlsx, odt". */
  static final String ALLOWED_TEXT = "pdf, png, jpeg, txt, docx, xlsx, odt";

  private static final String ODT_MIME = "application/vnd.oasis.opendocument.text";

  private FileTypes() {}

  static Optional<String> extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    if (dot < 0 || dot == fileName.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /** The stored media type when the extension is allowed and the bytes match it. */
  static Optional<String> check(String fileName, byte[] bytes) {
    Optional<String> ext = extension(fileName).filter(ALLOWED::containsKey);
    if (ext.isEmpty()) {
      return Optional.empty();
    }
    boolean ok = switch (ext.get()) {
      case "pdf" -> startsWith(bytes, "%PDF-".getBytes(StandardCharsets.US_ASCII));
      case "png" -> startsWith(bytes, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
      case "jpg", "jpeg" -> startsWith(bytes, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
      case "txt" -> isText(bytes);
      case "docx" -> officeOpenXml(bytes, "word/");
      case "xlsx" -> officeOpenXml(bytes, "xl/");
      case "odt" -> odt(bytes);
      default -> false;
    };
    return ok ? Optional.of(ALLOWED.get(ext.get())) : Optional.empty();
  }

  private static boolean startsWith(byte[] bytes, byte[] magic) {
    if (bytes.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (bytes[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  /** Non-empty, valid UTF-8, and no control characters other than tab, line feed, form feed and CR. */
  static boolean isText(byte[] bytes) {
    if (bytes.length == 0) {
      return false;
    }
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
        return false;
      }
      if (c == 0x7F) {
        return false;
      }
    }
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static boolean isZip(byte[] b) {
    return startsWith(b, new byte[] {'P', 'K', 3, 4});
  }

  private static boolean officeOpenXml(byte[] bytes, String partPrefix) {
    if (!isZip(bytes)) {
      return false;
    }
    List<String> names = zipEntryNames(bytes);
    return names.contains("[Content_Types].xml") && names.stream().anyMatch(n -> n.startsWith(partPrefix));
  }

  /** ODF: the first entry is "mimetype", stored uncompressed, holding the text document type. */
  private static boolean odt(byte[] b) {
    if (!isZip(b) || b.length < 30) {
      return false;
    }
    int method = u16(b, 8);
    int nameLength = u16(b, 26);
    int extraLength = u16(b, 28);
    int dataStart = 30 + nameLength + extraLength;
    if (method != 0 || nameLength != 8 || dataStart + ODT_MIME.length() > b.length) {
      return false;
    }
    String name = new String(b, 30, 8, StandardCharsets.US_ASCII);
    String mime = new String(b, dataStart, ODT_MIME.length(), StandardCharsets.US_ASCII);
    return name.equals("mimetype") && mime.equals(ODT_MIME) && !zipEntryNames(b).isEmpty();
  }

  /** The names in the ZIP central directory; empty when it cannot be read. */
  static List<String> zipEntryNames(byte[] b) {
    List<String> names = new ArrayList<>();
    int eocd = -1;
    for (int i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
      if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 5 && b[i + 3] == 6) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) {
      return names;
    }
    int entries = u16(b, eocd + 10);
    long offset = u32(b, eocd + 16);
    int p = (int) Math.min(offset, Integer.MAX_VALUE);
    for (int n = 0; n < entries; n++) {
      if (p < 0 || p + 46 > b.length || !(b[p] == 'P' && b[p + 1] == 'K' && b[p + 2] == 1 && b[p + 3] == 2)) {
        return List.of();
      }
      int nameLength = u16(b, p + 28);
      int extraLength = u16(b, p + 30);
      int commentLength = u16(b, p + 32);
      if (p + 46 + nameLength > b.length) {
        return List.of();
      }
      names.add(new String(b, p + 46, nameLength, StandardCharsets.UTF_8));
      p += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  }

  private static int u16(byte[] b, int i) {
    return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
  }

  private static long u32(byte[] b, int i) {
    return (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24;
  }
}
