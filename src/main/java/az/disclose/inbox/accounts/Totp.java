package az.disclose.inbox.accounts;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * TOTP (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps, the settings every authenticator app
 * reads) through the {@code dev.samstevens.totp} library; this class only picks the time step, so
 * that the service's clock decides and a step once used is refused.
 */
final class Totp {
  /** Seconds per code. */
  static final int PERIOD_SECONDS = 30;
  static final int DIGITS = 6;
  /** Steps before and after the current one that are still accepted (clock drift between phone and server). */
  static final int DRIFT_STEPS = 1;
  /** Base32 characters of a new secret (160 bits, RFC 4226's recommended length). */
  static final int SECRET_CHARACTERS = 32;

  private final DefaultCodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

  String newSecret() {
    return new DefaultSecretGenerator(SECRET_CHARACTERS).generate();
  }

  /** The {@code otpauth://totp/ISSUER:USER?secret=...} URI of {@code secret}. */
  String uri(String issuer, String username, String secret) {
    return new QrData.Builder().label(issuer + ":" + username).secret(secret).issuer(issuer)
        .algorithm(HashingAlgorithm.SHA1).digits(DIGITS).period(PERIOD_SECONDS).build().getUri();
  }

  static long step(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), PERIOD_SECONDS);
  }

  /** The code of {@code secret} at time step {@code step}. */
  String code(String secret, long step) {
    try {
      return generator.generate(secret, step);
    } catch (CodeGenerationException e) {
      throw new IllegalStateException("cannot compute a TOTP code: " + e.getMessage(), e);
    }
  }

  /**
   * The time step at which {@code code} is right for {@code secret} near {@code now}, when it is
   * later than {@code lastStep} (each step's code is accepted once); empty otherwise.
   */
  OptionalLong verify(String secret, String code, Instant now, long lastStep) {
    if (code == null || code.length() != DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return OptionalLong.empty();
    }
    long current = step(now);
    byte[] given = code.getBytes(StandardCharsets.US_ASCII);
    for (long s = current - DRIFT_STEPS; s <= current + DRIFT_STEPS; s++) {
      if (s > lastStep && MessageDigest.isEqual(given, code(secret, s).getBytes(StandardCharsets.US_ASCII))) {
        return OptionalLong.of(s);
      }
    }
    return OptionalLong.empty();
  }
}
