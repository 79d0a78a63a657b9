package az.disclose.inbox.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be: at least {@link #MIN_LENGTH} characters, at most {@link
 * #MAX_LENGTH}, not one of the common passwords of {@link #LIST} (compared without case), and not the
 * account's name. No composition rules (NIST SP 800-63B, 5.1.1.2).
 */
public final class PasswordPolicy {
  /** The fewest characters (Unicode code points) of a password. */
  public static final int MIN_LENGTH = 12;
  /** The most characters of a password (a bound on the work of hashing one). */
  public static final int MAX_LENGTH = 256;
  /**
   * The list of common passwords, a class-path resource: the 30,000 of zxcvbn 4.4.2 (MIT licence,
   * see common-passwords.LICENSE.txt beside it).
   */
  public static final String LIST = "/az/disclose/inbox/accounts/common-passwords.txt";

  private final Set<String> common;

  private PasswordPolicy(Set<String> common) {
    this.common = Set.copyOf(common);
  }

  /** The policy with the shipped list. */
  public static PasswordPolicy standard() {
    try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
      if (in == null) {
        throw new IllegalStateException("the list of common passwords " + LIST + " is missing from the class path");
      }
      Set<String> words = new HashSet<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          words.add(line.strip().toLowerCase(Locale.ROOT));
        }
      }
      return new PasswordPolicy(words);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the list of common passwords " + LIST + ": " + e.getMessage(), e);
    }
  }

  /** How many common passwords the policy refuses. */
  public int commonCount() {
    return common.size();
  }

  /** Refuses a password that breaks the policy, saying which rule and what to do. */
  public void check(String username, String password) throws AccountException {
    if (password == null || password.isEmpty()) {
      throw new AccountException("the password is empty: give one of at least " + MIN_LENGTH + " characters");
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      throw new AccountException("the password has " + length + " characters: give one of at least " + MIN_LENGTH
          + " (a few unrelated words make a good one)");
    }
    if (length > MAX_LENGTH) {
      throw new AccountException("the password has " + length + " characters: at most " + MAX_LENGTH + " are accepted");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (common.contains(lower)) {
      throw new AccountException("the password is one of the most common passwords (the list of "
          + common.size() + " that guessing starts with): choose another");
    }
    if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
      throw new AccountException("the password contains the account's name: choose another");
    }
  }
}
