package az.disclose.inbox.mail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Bytes of mail text to a string: the declared charset, with the usual mislabels of mail in
 * Azerbaijan handled.
 *
 * <ol>
 *   <li>UTF-7 (not a JDK charset) is decoded by {@link Utf7}; ISO-2022 charsets (7-bit with escape
 *       sequences) by their decoder, even when every byte is ASCII.
 *   <li>Pure ASCII is ASCII whatever (other) label.
 *   <li>Bytes that are valid (strict) UTF-8 are UTF-8 when the label is missing, unknown or any
 *       single-byte charset (UTF-8 text labelled {@code iso-8859-1} is common; real single-byte
 *       text with non-ASCII letters is almost never valid UTF-8).
 *   <li>{@code iso-8859-9} is read as {@code windows-1254} and {@code iso-8859-1}/{@code us-ascii}
 *       as {@code windows-1252} (the WHATWG rule: the Windows code pages are supersets that mailers
 *       use under the ISO names).
 *   <li>Unlabelled 8-bit text, or text labelled with a Western charset ({@code iso-8859-1},
 *       {@code windows-1252}, {@code us-ascii}) that is not UTF-8: Cyrillic when most non-ASCII
 *       letters are high bytes (then {@code windows-1251} or {@code KOI8-R}, whichever gives mostly
 *       lower-case letters), otherwise {@code windows-1254} (Azerbaijani/Turkish Latin).
 *   <li>Any other charset Java knows (ISO-8859-x, KOI8-U, Big5, GB2312, EUC-KR, Shift_JIS...) is
 *       decoded with it (single-byte labels after the strict UTF-8 check of rule 2).
 *   <li>An unknown label counts as no label: ASCII, else strict UTF-8, else the guess of rule 4.
 * </ol>
 *
 * The Azerbaijani letter ə (U+0259) exists in neither ISO-8859-9 nor windows-1254: a mailer that
 * sends such text had to replace it (usually with ä or e, sometimes ?); the replacement is kept as
 * sent, never guessed back. The raw bytes are kept with the request anyway.
 */
public final class TextDecoder {
  static final Charset WINDOWS_1254 = Charset.forName("windows-1254");
  static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  static final Charset KOI8_R = Charset.forName("KOI8-R");

  private TextDecoder() {}

  /** Decodes {@code bytes} labelled {@code label} (may be null or junk). Never throws. */
  public static String decode(byte[] bytes, String label) {
    return decodeWith(bytes, label).text();
  }

  /** The text and the name of the charset actually used. */
  public record Decoded(String text, String charset) {
    Decoded(String text, Charset charset) {
      this(text, charset.name());
    }
  }

  public static Decoded decodeWith(byte[] bytes, String label) {
    if (bytes == null || bytes.length == 0) {
      return new Decoded("", StandardCharsets.US_ASCII);
    }
    if (Utf7.isLabel(label)) {
      return new Decoded(Utf7.decode(bytes), "UTF-7");
    }
    Charset declared = charset(label);
    if (declared != null && isSevenBitStateful(declared)) {
      // ISO-2022-JP/KR/CN: 7-bit bytes with escape sequences; "pure ASCII" does not mean ASCII here
      return new Decoded(new String(bytes, declared), declared);
    }
    if (isAscii(bytes)) {
      return new Decoded(new String(bytes, StandardCharsets.US_ASCII), StandardCharsets.US_ASCII);
    }
    boolean singleByteOrNone = declared == null || isSingleByte(declared);
    if (singleByteOrNone || declared.equals(StandardCharsets.UTF_8)) {
      String utf8 = strictUtf8(bytes);
      if (utf8 != null) {
        return new Decoded(utf8, StandardCharsets.UTF_8);
      }
    }
    if (declared == null || isWestern(declared) || declared.equals(StandardCharsets.UTF_8)) {
      Charset guess = guessSingleByte(bytes);
      return new Decoded(new String(bytes, guess), guess);
    }
    Charset use = declared;
    String name = declared.name().toLowerCase(Locale.ROOT);
    if (name.equals("iso-8859-9")) {
      use = WINDOWS_1254;
    }
    return new Decoded(new String(bytes, use), use);
  }

  /** The charset named by a MIME label, or null when missing or unknown. */
  static Charset charset(String label) {
    if (label == null) {
      return null;
    }
    String l = label.trim().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
    if (l.isEmpty()) {
      return null;
    }
    switch (l) {
      case "utf8", "utf-8", "unicode-1-1-utf-8", "x-unicode20utf8" -> {
        return StandardCharsets.UTF_8;
      }
      case "cp1254", "win-1254", "x-cp1254", "windows1254", "iso-8859-9-windows-latin-5" -> {
        return WINDOWS_1254;
      }
      case "cp1251", "win-1251", "x-cp1251", "windows1251" -> {
        return WINDOWS_1251;
      }
      case "koi8r", "koi8", "koi-8-r", "koi8_r" -> {
        return KOI8_R;
      }
      case "latin5", "iso8859-9", "iso_8859-9", "l5" -> {
        return Charset.forName("ISO-8859-9");
      }
      default -> {
        try {
          return Charset.isSupported(l) ? Charset.forName(l) : null;
        } catch (RuntimeException e) {
          return null;
        }
      }
    }
  }

  /** Charsets whose text is 7-bit bytes switched between character sets by escape sequences. */
  static boolean isSevenBitStateful(Charset c) {
    String n = c.name().toLowerCase(Locale.ROOT);
    return n.startsWith("iso-2022") || n.equals("x-windows-50220") || n.equals("x-windows-50221")
        || n.equals("x-windows-iso2022jp");
  }

  static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  /** The bytes as UTF-8, or null when they are not valid UTF-8. */
  static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean isSingleByte(Charset c) {
    try {
      return c.newEncoder().maxBytesPerChar() <= 1.0f && !c.name().toLowerCase(Locale.ROOT).startsWith("utf");
    } catch (UnsupportedOperationException e) {
      return false;
    }
  }

  /** Labels that mailers put on text that is really in another single-byte charset. */
  private static boolean isWestern(Charset c) {
    String n = c.name().toLowerCase(Locale.ROOT);
    return n.equals("iso-8859-1") || n.equals("windows-1252") || n.equals("us-ascii") || n.equals("iso-8859-15");
  }

  private static final String AZ_TR_LETTERS = "çğışöüəÇĞİŞÖÜƏâîûÂÎÛ";

  /**
   * Cyrillic (windows-1251 or KOI8-R) or Azerbaijani/Turkish Latin (windows-1254), whichever reads
   * most plausibly: words in one script, Latin words with Azerbaijani/Turkish letters, Cyrillic
   * words in lower case (or capitalised); a word mixing Latin and Cyrillic letters counts against.
   * A tie goes to windows-1254.
   */
  static Charset guessSingleByte(byte[] bytes) {
    Charset best = WINDOWS_1254;
    double bestScore = plausibility(new String(bytes, WINDOWS_1254));
    for (Charset c : new Charset[] {WINDOWS_1251, KOI8_R}) {
      double score = plausibility(new String(bytes, c));
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    return best;
  }

  static double plausibility(String s) {
    double score = 0;
    int i = 0;
    while (i < s.length()) {
      if (!Character.isLetter(s.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < s.length() && Character.isLetter(s.charAt(i))) {
        i++;
      }
      score += wordScore(s.substring(start, i));
    }
    return score;
  }

  private static double wordScore(String w) {
    int latin = 0;
    int cyrillic = 0;
    int lower = 0;
    int odd = 0;
    for (int k = 0; k < w.length(); k++) {
      char ch = w.charAt(k);
      if (ch >= '\u0400' && ch <= '\u04ff') {
        cyrillic++;
      } else if (ch < 0x80 || AZ_TR_LETTERS.indexOf(ch) >= 0) {
        latin++;
      } else {
        odd++;
      }
      if (k > 0 && Character.isLowerCase(ch)) {
        lower++;
      }
    }
    if (latin > 0 && cyrillic > 0) {
      return -2.0 * w.length();
    }
    if (cyrillic > 0) {
      // Cyrillic read with the wrong table turns lower case into upper case
      return w.length() == 1 ? 0.5 : 0.5 + lower - 0.5 * (w.length() - 1 - lower) - odd;
    }
    return latin - 2.0 * odd;
  }

  /**
   * A header value read by Jakarta Mail from raw 8-bit bytes (each byte one char, ISO-8859-1) turned
   * back into bytes and decoded like body text; other values are returned unchanged.
   */
  public static String fixEightBitHeader(String value) {
    if (value == null) {
      return null;
    }
    boolean eightBit = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c > 0xff) {
        return value; // already decoded
      }
      if (c >= 0x80) {
        eightBit = true;
      }
    }
    return eightBit ? decode(value.getBytes(StandardCharsets.ISO_8859_1), null) : value;
  }
}
