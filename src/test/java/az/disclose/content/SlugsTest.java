package az.disclose.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {
  @Test
  void transliteratesAzerbaijaniLetters() {
    assertThat(Slugs.of("Açıq Hökumət")).isEqualTo("aciq-hokumet");
    assertThat(Slugs.of("Şəffaflıq, güzəşt və çağırış")).isEqualTo("seffafliq-guzest-ve-cagiris");
  }

  @Test
  void dottedAndDotlessIAreLowerCasedTheAzerbaijaniWay() {
    assertThat(Slugs.of("İnformasiya İŞ PLANI")).isEqualTo("informasiya-is-plani");
    assertThat(Slugs.of("IĞDIR")).isEqualTo("igdir");
  }

  @Test
  void collapsesPunctuationAndTrimsHyphens() {
    assertThat(Slugs.of("  “2012-2015-ci illər” — plan!  ")).isEqualTo("2012-2015-ci-iller-plan");
    assertThat(Slugs.isValid("aciq-hokumet")).isTrue();
    assertThat(Slugs.isValid("Açıq")).isFalse();
  }
}
