package az.disclose.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TermTest {
  @Test
  void parsesSpansOfYears() {
    assertThat(Term.parse("2012-2014-cü illər")).contains(new Term("2012-2014-cü illər", false, 2012, 2014));
    assertThat(Term.parse("2013-2015-ci illər")).contains(new Term("2013-2015-ci illər", false, 2013, 2015));
  }

  @Test
  void parsesRegularInAnyCase() {
    assertThat(Term.parse("mütəmadi")).hasValueSatisfying(t -> assertThat(t.regular()).isTrue());
    assertThat(Term.parse("Mütəmadi")).hasValueSatisfying(t -> assertThat(t.text()).isEqualTo("Mütəmadi"));
  }

  @Test
  void parsesASingleYear() {
    assertThat(Term.parse("2013-cü il")).contains(new Term("2013-cü il", false, 2013, 2013));
  }

  @Test
  void rejectsAnythingElse() {
    assertThat(Term.parse("tezliklə")).isEmpty();
    assertThat(Term.parse("2015-2012-ci illər")).isEmpty();
  }
}
