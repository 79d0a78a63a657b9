package az.disclose.app;

import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.InboxSettingsLoader;
import az.disclose.inbox.console.ConsoleSettings;
import az.disclose.inbox.mail.MailSettings;
import az.disclose.inbox.web.WebSettings;
import az.disclose.yaml.ProblemsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the program runs with, resolved once from the command line's directories, the settings
 * file and the environment: what {@code serve}, {@code requests} and any other front end share.
 *
 * @param content the content directory (its {@code data/holidays} feed the inbox's calendar)
 * @param theme the theme directory
 * @param out the built site's directory
 * @param settingsFile the inbox settings file read ({@code --config}, else {@code ./disclose.yaml} when
 *     present); empty: the embedded defaults
 * @param inbox the register's settings
 * @param mail the mail side's settings (IMAP, SMTP; each optional)
 * @param web the web intake's limits and proxies
 * @param console the officers' console's listener and cookies
 */
public record Configuration(Path content, Path theme, Path out, Optional<Path> settingsFile, InboxSettings inbox,
    MailSettings mail, WebSettings web, ConsoleSettings console) {

  /** With the console's default settings (under /console/ of the main server). */
  public Configuration(Path content, Path theme, Path out, Optional<Path> settingsFile, InboxSettings inbox,
      MailSettings mail, WebSettings web) {
    this(content, theme, out, settingsFile, inbox, mail, web, ConsoleSettings.defaults());
  }

  public Configuration {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(theme, "theme");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(settingsFile, "settingsFile");
    Objects.requireNonNull(inbox, "inbox");
    Objects.requireNonNull(mail, "mail");
    Objects.requireNonNull(web, "web");
    Objects.requireNonNull(console, "console");
  }

  /** The site's directories when the command line names none (serve's and build's defaults). */
  public static final Path DEFAULT_THEME = Path.of("theme");
  public static final Path DEFAULT_OUT = Path.of("site");

  /**
   * As {@link #resolve(Path, Path, Path, Path, Map)} for a front end that does not build the site
   * ({@code requests}, {@code report}): the site's directories are the defaults.
   */
  public static Configuration resolve(Path content, Path config, Map<String, String> env) throws ProblemsException {
    return resolve(content, DEFAULT_THEME, DEFAULT_OUT, config, env);
  }

  /**
   * Reads the settings: {@code config} when given, else {@code ./disclose.yaml} when present, else the
   * embedded defaults; {@code env} fills the secrets. Throws the problems of the file, each with file:line.
   */
  public static Configuration resolve(Path content, Path theme, Path out, Path config, Map<String, String> env)
      throws ProblemsException {
    Path file = config != null ? config
        : Files.isRegularFile(Path.of(InboxSettingsLoader.FILE_NAME)) ? Path.of(InboxSettingsLoader.FILE_NAME) : null;
    return new Configuration(content, theme, out, Optional.ofNullable(file), InboxSettingsLoader.load(file, env),
        MailSettings.load(file, env), WebSettings.load(file), ConsoleSettings.load(file));
  }

  /**
   * With {@code proxies} (addresses or CIDR blocks) trusted instead of the settings' {@code web.trusted_proxies};
   * throws {@link IllegalArgumentException} naming a malformed one.
   */
  public Configuration withTrustedProxies(List<String> proxies) {
    return new Configuration(content, theme, out, settingsFile, inbox, mail,
        new WebSettings(web.limits(), proxies, web.forwardedHeader()), console);
  }
}
