package az.disclose.inbox.accounts;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id through Password4j: hashes in the PHC string format, each with its own random salt and
 * its parameters, so a hash made with other parameters still verifies.
 *
 * @param memoryKib memory per hash in KiB
 * @param iterations passes over the memory
 * @param parallelism lanes
 */
public record PasswordHasher(int memoryKib, int iterations, int parallelism) {
  /** Memory of the default: 19 MiB (the OWASP Password Storage Cheat Sheet's Argon2id minimum). */
  public static final int DEFAULT_MEMORY_KIB = 19 * 1024;
  /** Passes of the default (OWASP: 2 with 19 MiB). */
  public static final int DEFAULT_ITERATIONS = 2;
  public static final int DEFAULT_PARALLELISM = 1;
  /** Bytes of random salt per hash. */
  public static final int SALT_BYTES = 16;
  /** Bytes of hash output. */
  public static final int HASH_BYTES = 32;

  /** The parameters used for new hashes. */
  public static final PasswordHasher DEFAULT = new PasswordHasher(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM);

  public PasswordHasher {
    if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
      throw new IllegalArgumentException("Argon2id needs memory >= 8 KiB per lane, >= 1 pass and >= 1 lane, not m="
          + memoryKib + " t=" + iterations + " p=" + parallelism);
    }
  }

  /** The PHC string of {@code secret} with a fresh salt. */
  public String hash(CharSequence secret) {
    return Password.hash(secret).addRandomSalt(SALT_BYTES).with(function()).getResult();
  }

  /** Whether {@code secret} matches {@code phc} (made by any parameters); false for a malformed hash. */
  public boolean verify(CharSequence secret, String phc) {
    if (phc == null || !phc.startsWith("$argon2id$")) {
      return false;
    }
    try {
      return Password.check(secret, phc).with(Argon2Function.getInstanceFromHash(phc));
    } catch (RuntimeException e) {
      return false;
    }
  }

  private Argon2Function function() {
    return Argon2Function.getInstance(memoryKib, iterations, parallelism, HASH_BYTES, Argon2.ID);
  }
}
