package az.disclose.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Test {
  /** What Files.readString does with the bytes: the text, or "malformed". */
  private static String strict(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  @Test
  void validationAgreesWithTheJdkDecoderOnRandomBytes() {
    Random rnd = new Random(11);
    byte[] interesting = {0, 'a', '\n', (byte) 0x7F, (byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xC1, (byte) 0xC2,
        (byte) 0xDF, (byte) 0xE0, (byte) 0xED, (byte) 0xEF, (byte) 0xF0, (byte) 0xF4, (byte) 0xF5, (byte) 0xF8,
        (byte) 0xFF, (byte) 0x9F, (byte) 0xA0, (byte) 0x8F, (byte) 0x90};
    for (int n = 0; n < 200_000; n++) {
      byte[] b = new byte[rnd.nextInt(7)];
      for (int i = 0; i < b.length; i++) {
        b[i] = rnd.nextBoolean() ? interesting[rnd.nextInt(interesting.length)] : (byte) rnd.nextInt(256);
      }
      assertThat(Utf8.isValid(b, 0, b.length)).as("%s", java.util.Arrays.toString(b)).isEqualTo(strict(b) != null);
    }
    for (String s : List.of("", "ə", "İçərik", "😀", "\uFFFF", "\u0800", "\u07FF", "\uD7FF", "\uE000", "\uDBFF\uDFFF")) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      assertThat(Utf8.isValid(b, 0, b.length)).as(s).isTrue();
    }
  }

  @Test
  void splitsAsTheDecodedTextIsSplit() throws Exception {
    List<String> files = List.of(
        "---\ntitle: X\n---\nBody\n", "\uFEFF---\ntitle: Ə\n---\nBody ə\n", "---\r\ntitle: X\r\n---\r\nBody\r\n",
        "---\ntitle: X\n...\nBody\n", "---\ntitle: X\n---   \nBody\n", "---\ntitle: X\n---\u2003\nBody\n",
        "---\ntitle: X\n----\n---\nBody\n", "---\ntitle: X\n--\n---", "---\ntitle: X\n---", "---\ntitle: X\n",
        "---", "", "Başlıq\n\nYoxdur\n", " --- \ntitle: X\n---\n", "---\n---\n", "---\n\n---\nə\n",
        "---\ntitle: \"İ\"\n ---\n---\nx", "---\ntitle: X\n.. .\n...\u3000\nBody", "---\ntitle: X\n-–-\n---\nB");
    for (String text : files) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      Object expected;
      try {
        expected = FrontMatter.split(text);
      } catch (FrontMatter.Missing e) {
        expected = "missing " + e.line() + " " + e.getMessage();
      }
      Object actual;
      try {
        actual = Utf8.splitFrontMatter(bytes);
      } catch (FrontMatter.Missing e) {
        actual = "missing " + e.line() + " " + e.getMessage();
      }
      assertThat(actual).as(text).isEqualTo(expected);
    }
  }

  @Test
  void anInvalidByteAnywhereIsAnError() {
    byte[] good = "---\ntitle: X\n---\nBody ə\n".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < good.length; i++) {
      byte[] bad = good.clone();
      bad[i] = (byte) 0xFF;
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> Utf8.splitFrontMatter(bad))
          .isInstanceOf(CharacterCodingException.class);
    }
  }
}
