package az.disclose.inbox.accounts;

import java.util.List;

/**
 * A second factor just enrolled: shown to its owner once, then never again (the recovery codes are
 * stored hashed, the secret only for checking codes).
 *
 * @param secret the TOTP secret in Base32, for typing into an authenticator app
 * @param uri the {@code otpauth://totp/...} URI of the same secret, for a QR code
 * @param recoveryCodes {@link Accounts#RECOVERY_CODES} one-time codes, each accepted once in place of a TOTP code
 */
public record Enrolment(String secret, String uri, List<String> recoveryCodes) {
  public Enrolment {
    recoveryCodes = List.copyOf(recoveryCodes);
  }

  /** Never the secret or the codes (a log line must not hold them). */
  @Override
  public String toString() {
    return "Enrolment[" + recoveryCodes.size() + " recovery codes]";
  }
}
