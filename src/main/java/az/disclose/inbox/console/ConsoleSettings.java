package az.disclose.inbox.console;

import az.disclose.yaml.Fields;
import az.disclose.yaml.Node;
import az.disclose.yaml.Problem;
import az.disclose.yaml.ProblemsException;
import az.disclose.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The officers' console's settings: the {@code console:} section of {@code disclose.yaml} (every key
 * optional).
 *
 * <pre>
 * console:
 *   port: 8443              # a listener of its own (0: any free port); absent: /console/ of the main server
 *   bind: 127.0.0.1         # the address of that listener (default 127.0.0.1)
 *   secure_cookies: true    # false only for plain-HTTP development on this machine (loud warning)
 * </pre>
 *
 * @param port a listener of the console's own, else the console is under {@link Console#PATH} of the
 *     main server
 * @param bind the address that listener binds
 * @param secureCookies whether the session cookie is {@code Secure} (and {@code __Host-} prefixed)
 */
public record ConsoleSettings(OptionalInt port, String bind, boolean secureCookies) {
  /** The address a console of its own listens on unless {@code console.bind} says otherwise. */
  public static final String DEFAULT_BIND = "127.0.0.1";

  public ConsoleSettings {
    if (port.isPresent() && (port.getAsInt() < 0 || port.getAsInt() > 65535)) {
      throw new IllegalArgumentException("console.port must be 0 to 65535, not " + port.getAsInt());
    }
    if (bind == null || bind.isBlank()) {
      throw new IllegalArgumentException("console.bind must not be empty");
    }
  }

  public static ConsoleSettings defaults() {
    return new ConsoleSettings(OptionalInt.empty(), DEFAULT_BIND, true);
  }

  /** Whether the console has a listener of its own. */
  public boolean ownListener() {
    return port.isPresent();
  }

  /** The {@code console:} section of {@code file}; the defaults when {@code file} is null or has none. */
  public static ConsoleSettings load(Path file) throws ProblemsException {
    if (file == null || !Files.isRegularFile(file)) {
      return defaults();
    }
    Node root = new YamlReader().readFile(file);
    List<Problem> problems = new ArrayList<>();
    Optional<Fields> section = Fields.of(file, root, problems, "").child("console");
    if (section.isEmpty()) {
      return defaults();
    }
    Fields c = section.get();
    OptionalInt port = c.has("port") ? OptionalInt.of(c.intValue("port", 0, 0, 65535)) : OptionalInt.empty();
    String bind = c.optionalText("bind").map(String::strip).orElse(DEFAULT_BIND);
    if (bind.isEmpty()) {
      c.problemAt("bind", "'bind' must name an address (e.g. 127.0.0.1 or 0.0.0.0), or be left out");
      bind = DEFAULT_BIND;
    }
    boolean secure = c.bool("secure_cookies", true);
    c.rejectUnknownKeys();
    if (!problems.isEmpty()) {
      throw new ProblemsException(problems);
    }
    return new ConsoleSettings(port, bind, secure);
  }
}
