package az.disclose.inbox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import az.disclose.serve.TrustedProxies;
import az.disclose.yaml.ProblemsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebSettingsTest {
  @TempDir Path dir;

  Path yaml(String text) throws Exception {
    return Files.writeString(dir.resolve("disclose.yaml"), text);
  }

  @Test
  void withoutAWebSectionTheDefaultsHold() throws Exception {
    WebSettings s = WebSettings.load(yaml("number_prefix: SEN\n"));
    assertThat(s.limits()).isEqualTo(IntakeLimits.defaults());
    assertThat(s.trustedProxies()).isEqualTo(TrustedProxies.DEFAULT);
    assertThat(s.forwardedHeader()).isEqualTo(TrustedProxies.Header.X_FORWARDED_FOR);
    assertThat(IntakeLimits.defaults().dailyBytesPerAddress()).isEqualTo(200L * 1024 * 1024);
  }

  @Test
  void everyKeyIsRead() throws Exception {
    WebSettings s = WebSettings.load(yaml("""
        web:
          trusted_proxies: [10.0.0.5, 192.168.0.0/24]
          forwarded_header: Forwarded
          body_idle_timeout_seconds: 15
          body_total_timeout_seconds: 120
          max_uploads: 10
          max_uploads_per_address: 2
          memory_budget_mib: 300
          daily_mib_per_address: 0
        """));
    assertThat(s.trustedProxies()).containsExactly("10.0.0.5", "192.168.0.0/24");
    assertThat(s.forwardedHeader()).isEqualTo(TrustedProxies.Header.FORWARDED);
    assertThat(s.limits().bodyIdleTimeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(s.limits().bodyTotalTimeout()).isEqualTo(Duration.ofSeconds(120));
    assertThat(s.limits().maxUploads()).isEqualTo(10);
    assertThat(s.limits().maxUploadsPerAddress()).isEqualTo(2);
    assertThat(s.limits().memoryBudgetBytes()).isEqualTo(300L * 1024 * 1024);
    assertThat(s.limits().dailyBudgeted()).isFalse();
  }

  @Test
  void badValuesAreNamedWithTheirLine() throws Exception {
    Path file = yaml("""
        web:
          trusted_proxies: [proxy.example.az]
          forwarded_header: X-Real-IP
          max_uploads: 0
          max_upload: 3
        """);
    assertThatThrownBy(() -> WebSettings.load(file)).isInstanceOf(ProblemsException.class)
        .hasMessageContaining("disclose.yaml:2").hasMessageContaining("proxy.example.az")
        .hasMessageContaining("disclose.yaml:3").hasMessageContaining("X-Real-IP")
        .hasMessageContaining("max_uploads").hasMessageContaining("max_upload");
  }
}
