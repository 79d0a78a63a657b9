package az.disclose.inbox.web;

import az.disclose.serve.TrustedProxies;
import az.disclose.yaml.Fields;
import az.disclose.yaml.Node;
import az.disclose.yaml.Problem;
import az.disclose.yaml.ProblemsException;
import az.disclose.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The web intake's settings: the {@code web:} section of {@code disclose.yaml} (every key optional;
 * the defaults are the constants of {@link IntakeLimits} and {@link TrustedProxies#DEFAULT}).
 *
 * <pre>
 * web:
 *   trusted_proxies: [127.0.0.1, ::1]   # addresses or CIDR blocks whose forwarding header is believed
 *   forwarded_header: X-Forwarded-For   # or Forwarded: the one header those proxies write
 *   body_idle_timeout_seconds: 30
 *   body_total_timeout_seconds: 600
 *   max_uploads: 32
 *   max_uploads_per_address: 4
 *   memory_budget_mib: 110
 *   daily_mib_per_address: 200          # 0 turns the daily budget off
 * </pre>
 *
 * @param limits the intake's limits
 * @param trustedProxies the proxies' addresses and blocks (used with {@code serve --behind-proxy})
 * @param forwardedHeader the header those proxies write
 */
public record WebSettings(IntakeLimits limits, List<String> trustedProxies, TrustedProxies.Header forwardedHeader) {

  public WebSettings {
    trustedProxies = List.copyOf(trustedProxies);
    new TrustedProxies(trustedProxies, forwardedHeader); // valid by construction
  }

  public static WebSettings defaults() {
    return new WebSettings(IntakeLimits.defaults(), TrustedProxies.DEFAULT, TrustedProxies.Header.X_FORWARDED_FOR);
  }

  /** The proxies to trust, as a Jetty request customizer. */
  public TrustedProxies proxies() {
    return new TrustedProxies(trustedProxies, forwardedHeader);
  }

  /** The {@code web:} section of {@code file}; the defaults when {@code file} is null or has none. */
  public static WebSettings load(Path file) throws ProblemsException {
    if (file == null || !Files.isRegularFile(file)) {
      return defaults();
    }
    Node root = new YamlReader().readFile(file);
    List<Problem> problems = new ArrayList<>();
    Optional<Fields> section = Fields.of(file, root, problems, "").child("web");
    if (section.isEmpty()) {
      return defaults();
    }
    Fields w = section.get();
    IntakeLimits d = IntakeLimits.defaults();
    List<String> proxies = w.has("trusted_proxies") ? w.textList("trusted_proxies") : TrustedProxies.DEFAULT;
    for (String p : proxies) {
      try {
        new TrustedProxies(List.of(p), TrustedProxies.Header.X_FORWARDED_FOR);
      } catch (IllegalArgumentException e) {
        w.problemAt("trusted_proxies", e.getMessage());
      }
    }
    TrustedProxies.Header header = TrustedProxies.Header.X_FORWARDED_FOR;
    Optional<String> headerText = w.optionalText("forwarded_header");
    if (headerText.isPresent()) {
      try {
        header = TrustedProxies.Header.of(headerText.get());
      } catch (IllegalArgumentException e) {
        w.problemAt("forwarded_header", "'forwarded_header' must be X-Forwarded-For or Forwarded, not '"
            + headerText.get() + "'");
      }
    }
    int idle = w.intValue("body_idle_timeout_seconds", (int) d.bodyIdleTimeout().toSeconds(), 1, 3600);
    int total = w.intValue("body_total_timeout_seconds", (int) d.bodyTotalTimeout().toSeconds(), 1, 24 * 3600);
    int uploads = w.intValue("max_uploads", d.maxUploads(), 1, 10_000);
    int perAddress = w.intValue("max_uploads_per_address", d.maxUploadsPerAddress(), 1, 10_000);
    long mib = 1024L * 1024;
    int memory = w.intValue("memory_budget_mib", (int) ((d.memoryBudgetBytes() + mib - 1) / mib), 1, 1_000_000);
    int daily = w.intValue("daily_mib_per_address", (int) (d.dailyBytesPerAddress() / mib), 0, 1_000_000);
    w.rejectUnknownKeys();
    if (!problems.isEmpty()) {
      throw new ProblemsException(problems);
    }
    IntakeLimits limits = d.withBodyTimeouts(Duration.ofSeconds(idle), Duration.ofSeconds(total))
        .withUploads(uploads, perAddress)
        .withMemoryBudget(memory * mib)
        .withDailyBytes(daily * mib);
    return new WebSettings(limits, proxies, header);
  }
}
