package az.disclose.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AzTextTest {
  @Test
  void foldingLowersEveryCharacterAsCharacterToLowerCaseWithTheDottedAndDotlessI() {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      char ch = (char) c;
      String s = "A" + ch + "z";
      char lower = Character.toLowerCase(ch);
      assertThat(AzText.foldAz(s)).as("az fold of U+%04X", c)
          .isEqualTo("a" + (ch == 'I' ? 'ı' : ch == 'İ' ? 'i' : lower) + "z");
      assertThat(AzText.foldLatin(s)).as("English fold of U+%04X", c)
          .isEqualTo("a" + (ch == 'İ' ? 'i' : lower) + "z");
    }
  }

  @Test
  void aTextWithNothingToFoldIsReturnedAsItIs() {
    String text = "məxfi sənəd, 2026-12-03";
    assertThat(AzText.foldAz(text)).isSameAs(text);
    assertThat(AzText.foldLatin(text)).isSameAs(text);
    assertThat(AzText.foldAz("MƏXFİ SƏNƏDLƏR")).isEqualTo("məxfi sənədlər");
    assertThat(AzText.foldAz("DIQQƏT")).isEqualTo("dıqqət");
    assertThat(AzText.foldLatin("DIQQƏT")).isEqualTo("diqqət");
  }
}
