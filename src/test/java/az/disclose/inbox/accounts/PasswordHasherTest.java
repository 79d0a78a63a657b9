package az.disclose.inbox.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Argon2id hashes and the password rules. */
class PasswordHasherTest {
  @Test
  void theDefaultHashIsArgon2idWithTheOwaspParametersAndItsOwnSalt() {
    String a = PasswordHasher.DEFAULT.hash("correct horse battery staple");
    String b = PasswordHasher.DEFAULT.hash("correct horse battery staple");
    assertThat(a).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").isNotEqualTo(b);
    assertThat(PasswordHasher.DEFAULT.verify("correct horse battery staple", a)).isTrue();
    assertThat(PasswordHasher.DEFAULT.verify("correct horse battery stapl", a)).isFalse();
  }

  @Test
  void aHashMadeWithOtherParametersStillVerifiesAndAMalformedOneNever() {
    String old = new PasswordHasher(1024, 1, 1).hash("ağ şəhər küləyi");
    assertThat(PasswordHasher.DEFAULT.verify("ağ şəhər küləyi", old)).isTrue();
    assertThat(PasswordHasher.DEFAULT.verify("ağ şəhər küləyi", "")).isFalse();
    assertThat(PasswordHasher.DEFAULT.verify("ağ şəhər küləyi", "$argon2id$garbage")).isFalse();
    assertThat(PasswordHasher.DEFAULT.verify("x", "$2a$10$abcdefghijklmnopqrstuu")).isFalse();
  }

  @Test
  void thePolicyCountsCharactersNotBytesAndRefusesTheShippedCommonPasswordsInAnyCase() throws Exception {
    PasswordPolicy policy = PasswordPolicy.standard();
    assertThat(policy.commonCount()).isGreaterThanOrEqualTo(29_000);
    policy.check("leyla", "şəhər küləyi"); // 12 characters, more bytes
    assertThatThrownBy(() -> policy.check("leyla", "şəhər küləy"))
        .isInstanceOf(AccountException.class).hasMessageContaining("11 characters");
    for (String common : new String[] {"123QWEASDZXC", "PASSWORD1234", "qwertyuiop123", "1qaz2wsx3edc"}) {
      boolean refused;
      try {
        policy.check("leyla", common);
        refused = false;
      } catch (AccountException e) {
        refused = e.getMessage().contains("common");
      }
      assertThat(refused).as(common).isTrue();
    }
    assertThatThrownBy(() -> policy.check("leyla", "a".repeat(PasswordPolicy.MAX_LENGTH + 1)))
        .isInstanceOf(AccountException.class).hasMessageContaining("at most");
  }

  @Test
  void impossibleParametersAreRefused() {
    assertThatThrownBy(() -> new PasswordHasher(4, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PasswordHasher(1024, 0, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
