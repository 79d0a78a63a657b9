package az.disclose.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataTest {
  private final PersonalData data = new PersonalData(List.of("sorgu@example.gov.az"));

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Vətəndaşın FİN kodu 5ZJ8K2P idi.|FIN|5Z•••••",
      "FİN: 94FMDDD|FIN|94•••••",
      "Şəxsiyyət vəsiqəsi AZE12345678|ID_CARD|AZ•••••••••",
      "vəsiqə AZE 12345678 ilə|ID_CARD|AZ• ••••••••",
      "yeni vəsiqə AA1234567|ID_CARD|AA•••••••",
      "Əlaqə: +994 50 123 45 67|PHONE|+9•• •• ••• •• ••",
      "Əlaqə: +994501234567.|PHONE|+9•••••••••••",
      "zəng edin 050-123-45-67|PHONE|05•-•••-••-••",
      "(012) 498 12 34 nömrəsi|PHONE|(01•) ••• •• ••",
      "055 123 45 67|PHONE|05• ••• •• ••",
      "yazın: ali.mammadov@gmail.com|EMAIL_ADDRESS|a•••@gmail.com"})
  void eachPatternIsFoundAndMasked(String text, String kind, String masked) {
    assertThat(data.find(text)).singleElement().satisfies(h -> {
      assertThat(h.kind()).isEqualTo(PersonalData.Kind.valueOf(kind));
      assertThat(h.masked()).isEqualTo(masked);
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "sorgu@example.gov.az",          // official, from site.yaml
      "SORGU@EXAMPLE.GOV.AZ",
      "2012-2015-ci illər, 2421 nömrəli",
      "2012-10-29 tarixli",
      "1234567",                       // digits only: not a FIN
      "ABCDEFG",                       // letters only: not a FIN
      "abc12de",                       // lower case
      "ELEKTRON",
      "A1B2C3DE",                      // 8 characters
      "IO12345",                       // I and O are not used in FİN codes
      "040 123 45 67"})                // not an Azerbaijani operator code
  void ordinaryTextAndOfficialAddressesAreNotPersonalData(String text) {
    assertThat(data.find(text)).isEmpty();
  }

  @Test
  void anAddressIsReportedOnceEvenWhenItsLocalPartLooksLikeACode() {
    assertThat(data.find("AB12CDE@mail.az")).singleElement().satisfies(h -> assertThat(h.kind()).isEqualTo(PersonalData.Kind.EMAIL_ADDRESS));
  }
}
