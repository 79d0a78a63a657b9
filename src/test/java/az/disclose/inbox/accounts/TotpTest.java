package az.disclose.inbox.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The TOTP codes against RFC 6238's test vectors (appendix B, SHA-1, last six digits). */
class TotpTest {
  /** The ASCII secret "12345678901234567890" of the RFC, in Base32. */
  static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
  final Totp totp = new Totp();

  @Test
  void codesAreThoseOfRfc6238() {
    assertThat(totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
    assertThat(totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
    assertThat(totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");
    assertThat(totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(20000000000L)))).isEqualTo("353130");
  }

  @Test
  void aCodeIsAcceptedOneStepEitherSideButNotAtOrBeforeTheLastStepUsed() {
    Instant now = Instant.ofEpochSecond(1111111109);
    long step = Totp.step(now);
    assertThat(totp.verify(RFC_SECRET, "081804", now, 0)).hasValue(step);
    assertThat(totp.verify(RFC_SECRET, "081804", now.plusSeconds(30), 0)).hasValue(step);
    assertThat(totp.verify(RFC_SECRET, "081804", now.minusSeconds(30), 0)).hasValue(step);
    assertThat(totp.verify(RFC_SECRET, "081804", now.plusSeconds(60), 0)).isEmpty();
    assertThat(totp.verify(RFC_SECRET, "081804", now, step)).isEmpty();
    assertThat(totp.verify(RFC_SECRET, "81804", now, 0)).isEmpty();
    assertThat(totp.verify(RFC_SECRET, "08180a", now, 0)).isEmpty();
  }

  @Test
  void theUriCarriesTheSecretAndTheSettingsAuthenticatorAppsRead() {
    String uri = totp.uri("disclose", "leyla", RFC_SECRET);
    assertThat(uri).startsWith("otpauth://totp/disclose")
        .contains("leyla").contains("secret=" + RFC_SECRET).contains("issuer=disclose")
        .contains("algorithm=SHA1").contains("digits=6").contains("period=30");
  }
}
