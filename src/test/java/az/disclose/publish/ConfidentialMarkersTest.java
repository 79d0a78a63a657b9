package az.disclose.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ConfidentialMarkersTest {
  private final ConfidentialMarkers markers = new ConfidentialMarkers(CheckSettings.DEFAULT_MARKERS);

  @ParameterizedTest
  @ValueSource(strings = {
      "Bu sənəd məxfi sayılır.",
      "MƏXFİ",
      "Məxfi: yalnız daxili istifadə",
      "MƏXFI (typed without İ)",
      "konfidensial məlumat",
      "KONFİDENSİAL",
      "Xidməti istifadə üçün",
      "XİDMƏTİ İSTİFADƏ ÜÇÜN",
      "xidməti\nistifadə   üçün",
      "Qriflə: DSP",
      "dsp",
      "CONFIDENTIAL draft",
      "Confidential",
      "For Official Use Only",
      "FOR OFFICIAL USE ONLY"})
  void eachMarkerIsFoundInAnyCase(String text) {
    assertThat(markers.find(text)).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Saytın məxfilik siyasəti", // a website's privacy policy: public, documented exception
      "MƏXFİLİK SİYASƏTİNDƏ dəyişiklik",
      "xidməti istifadəçilər üçün", // another word in the middle of the phrase
      "xidməti istifadə üçüncü dəfə", // "üçüncü" (third) is not an ending of "üçün"
      "konfidensialist",        // not an ending
      "məxfı",                  // dotless ı is another letter
      "DSPX və ADSP",
      "confidentiality",
      "xidməti istifadə",       // only part of the phrase
      "for official use"})
  void wordsThatOnlyContainAMarkerAreNotMarkers(String text) {
    assertThat(markers.find(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "məxfidir",
      "Bu məlumat məxfidir.",
      "MƏXFİDİR",
      "məxfi olan sənədlər",
      "xidməti istifadə üçündür",
      "Xidməti istifadə üçündür.",
      "məxfi sənəd",
      "sənədin məxfiliyi qorunur",
      "məxfiliyin pozulması",
      "məxfilik qrifi",
      "məxfilərə aid edilir",
      "məxfini açıqlamaq",
      "məxfidən çıxarılıb",
      "konfidensialdır",
      "konfidensiallığı təmin edilir",
      "konfidensial məlumatlardır"})
  void aMarkerWithAzerbaijaniEndingsIsFound(String text) {
    assertThat(markers.find(text)).as(text).hasSize(1);
  }

  @Test
  void anInflectedHitReportsTheWholeWordAsWritten() {
    assertThat(markers.find("Sənəd MƏXFİDİR.")).singleElement().satisfies(h -> {
      assertThat(h.found()).isEqualTo("MƏXFİDİR");
      assertThat(h.marker()).isEqualTo("məxfi");
    });
  }

  @Test
  void thePrivacyPolicyExceptionLeavesOtherMarkersOfTheSameTextFound() {
    assertThat(markers.find("Məxfilik siyasəti dəyişdi. Bu əlavə isə məxfidir."))
        .singleElement().satisfies(h -> assertThat(h.found()).isEqualTo("məxfidir"));
  }

  @Test
  void aMarkerEndingInAStarMatchesWordsThatStartWithIt() {
    ConfidentialMarkers prefix = new ConfidentialMarkers(List.of("məxfi*"));
    assertThat(prefix.find("MƏXFİLİK rejimi")).singleElement().satisfies(h -> assertThat(h.found()).isEqualTo("MƏXFİLİK"));
  }

  @Test
  void hitsKeepTheirOffsetAndTheTextAsWritten() {
    assertThat(markers.find("Sənəd İ: MƏXFİ")).singleElement().satisfies(h -> {
      assertThat(h.offset()).isEqualTo(9);
      assertThat(h.found()).isEqualTo("MƏXFİ");
      assertThat(h.marker()).isEqualTo("məxfi");
    });
  }
}
