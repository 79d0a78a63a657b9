package az.disclose.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
  final TrustedProxies xff = new TrustedProxies(List.of("127.0.0.0/8", "::1", "10.1.0.0/16"),
      TrustedProxies.Header.X_FORWARDED_FOR);
  final TrustedProxies forwarded = new TrustedProxies(List.of("127.0.0.1"), TrustedProxies.Header.FORWARDED);

  static InetAddress ip(String literal) throws Exception {
    return InetAddress.getByName(literal);
  }

  @Test
  void theRightMostHopThatIsNotATrustedProxyIsTheClient() throws Exception {
    // the client wrote "6.6.6.6"; the edge proxy appended 203.0.113.7; an inner proxy 10.1.2.3
    assertThat(xff.client(List.of("6.6.6.6, 203.0.113.7, 10.1.2.3"))).isEqualTo(ip("203.0.113.7"));
    // several header lines are one list, in order
    assertThat(xff.client(List.of("6.6.6.6", "203.0.113.7"))).isEqualTo(ip("203.0.113.7"));
    assertThat(xff.client(List.of("[2001:db8::1]:4711"))).isEqualTo(ip("2001:db8::1"));
    assertThat(xff.client(List.of("198.51.100.2:5000"))).isEqualTo(ip("198.51.100.2"));
  }

  @Test
  void everyHopTrustedGivesTheLeftMostAndGarbageGivesNone() throws Exception {
    assertThat(xff.client(List.of("10.1.0.9, 127.0.0.1"))).isEqualTo(ip("10.1.0.9"));
    assertThat(xff.client(List.of("6.6.6.6, not-an-address"))).isNull();
    assertThat(xff.client(List.of())).isNull();
  }

  @Test
  void forwardedForIsReadOnlyWhenThatIsTheConfiguredHeader() throws Exception {
    assertThat(forwarded.client(List.of("for=6.6.6.6;proto=https, for=\"[2001:db8::7]:443\""))).isEqualTo(ip("2001:db8::7"));
    assertThat(forwarded.client(List.of("for=unknown"))).isNull();
  }

  @Test
  void blocksAreMatchedByPrefixAndNamesAreNeverLookedUp() throws Exception {
    assertThat(xff.trusts(ip("10.1.255.255"))).isTrue();
    assertThat(xff.trusts(ip("10.2.0.1"))).isFalse();
    assertThat(xff.trusts(ip("::1"))).isTrue();
    assertThat(xff.trusts(ip("::2"))).isFalse();
    assertThatThrownBy(() -> new TrustedProxies(List.of("proxy.example.az"), TrustedProxies.Header.X_FORWARDED_FOR))
        .hasMessageContaining("'proxy.example.az' is not an IP address or a CIDR block");
    assertThatThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/33"), TrustedProxies.Header.X_FORWARDED_FOR))
        .hasMessageContaining("0 to 32");
  }
}
