package az.disclose.site;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.site.Openness.Reason;
import org.junit.jupiter.api.Test;

/** The reasons of a justified exception as the ledger records them, split for the openness page. */
class OpennessReasonsTest {
  @Test
  void eachReasonKeepsItsFieldAndItsWordsWithoutTheFieldsName() {
    assertThat(Openness.reasons("late_reason: Fotolar gec çatdı")).containsExactly(new Reason("late_reason", "Fotolar gec çatdı"));
    assertThat(Openness.reasons("late_reason: Fotolar gec çatdı; publish_despite: Rəsmi nömrədir"))
        .containsExactly(new Reason("late_reason", "Fotolar gec çatdı"), new Reason("publish_despite", "Rəsmi nömrədir"));
  }

  @Test
  void wordsThatMerelyMentionAFieldOrTextWithoutOneAreKeptWhole() {
    // "; " inside a reason, not followed by a field's name, stays in it.
    assertThat(Openness.reasons("late_reason: a; b; late_reason c"))
        .containsExactly(new Reason("late_reason", "a; b; late_reason c"));
    // A ledger edited by hand, with no field named: the text as it is.
    assertThat(Openness.reasons("Fotolar gec çatdı")).containsExactly(new Reason("", "Fotolar gec çatdı"));
  }
}
