package az.disclose.cli;

/**
 * Bad input found by a command line itself (an unreadable file, an unknown status, no password
 * given): reported as a problem with the command's name, exit code {@link Main#PROBLEMS}.
 */
final class BadInput extends Exception {
  private static final long serialVersionUID = 1L;

  BadInput(String message) {
    super(message);
  }

  /** Who runs the command: {@code given} (an --actor option), else $USER, else the JVM's user name. */
  static String actor(String given) throws BadInput {
    String a = given;
    if (a == null || a.isBlank()) {
      a = System.getenv("USER");
    }
    if (a == null || a.isBlank()) {
      a = System.getProperty("user.name");
    }
    if (a == null || a.isBlank()) {
      throw new BadInput("say who does it with --actor NAME");
    }
    return a.trim();
  }
}
