package az.disclose.serve;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * The client's address behind reverse proxies, trusted only as far as the proxies are: a request
 * whose connection comes from one of the configured proxy addresses gets as its remote address the
 * right-most hop of the forwarding header ({@code X-Forwarded-For} or {@code Forwarded}'s
 * {@code for=}) that is not itself a trusted proxy, which is the address the outermost trusted proxy
 * saw and appended. Whatever a client wrote in those headers further left is ignored, and a request
 * from any other address keeps its connection's address whatever headers it carries.
 *
 * <p>Only one header is read (a setting): a client may write the other, and the proxy passes it on
 * untouched.
 */
public final class TrustedProxies implements HttpConfiguration.Customizer {
  /** Loopback only: a proxy on the same machine. */
  public static final List<String> DEFAULT = List.of("127.0.0.0/8", "::1");

  /** Which header the proxies write. */
  public enum Header {
    X_FORWARDED_FOR("X-Forwarded-For"),
    FORWARDED("Forwarded");

    private final String name;

    Header(String name) {
      this.name = name;
    }

    public String headerName() {
      return name;
    }

    /** {@code x-forwarded-for} or {@code forwarded} (case-insensitive). */
    public static Header of(String text) {
      for (Header h : values()) {
        if (h.name.equalsIgnoreCase(text.trim())) {
          return h;
        }
      }
      throw new IllegalArgumentException("the forwarding header must be X-Forwarded-For or Forwarded, not '" + text + "'");
    }
  }

  private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f.:]+");

  private final List<Block> blocks;
  private final Header header;

  private record Block(byte[] network, int bits) {
    boolean contains(InetAddress address) {
      byte[] a = address.getAddress();
      if (a.length != network.length) {
        return false;
      }
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >> (i % 8);
        if ((a[i / 8] & mask) != (network[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * @param proxies addresses or CIDR blocks ({@code 10.0.0.5}, {@code 10.0.0.0/24}, {@code ::1},
   *     {@code fd00::/8}); literals only, never names
   * @throws IllegalArgumentException naming the entry that is not an address or block
   */
  public TrustedProxies(List<String> proxies, Header header) {
    List<Block> parsed = new ArrayList<>();
    for (String entry : proxies) {
      parsed.add(block(entry));
    }
    this.blocks = List.copyOf(parsed);
    this.header = header;
  }

  private static Block block(String entry) {
    String text = entry.trim();
    int slash = text.indexOf('/');
    String host = slash < 0 ? text : text.substring(0, slash);
    InetAddress address = literal(host);
    if (address == null) {
      throw new IllegalArgumentException("trusted proxy '" + entry + "' is not an IP address or a CIDR block"
          + " (e.g. 127.0.0.1, 10.0.0.0/8, ::1)");
    }
    int max = address.getAddress().length * 8;
    int bits = max;
    if (slash >= 0) {
      try {
        bits = Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        bits = -1;
      }
      if (bits < 0 || bits > max) {
        throw new IllegalArgumentException("trusted proxy '" + entry + "': the prefix length must be 0 to " + max);
      }
    }
    return new Block(address.getAddress(), bits);
  }

  /** The address of an IP literal ({@code [v6]} brackets allowed), or null; no name is ever looked up. */
  static InetAddress literal(String text) {
    String t = text.trim();
    if (t.startsWith("[") && t.endsWith("]")) {
      t = t.substring(1, t.length() - 1);
    }
    if (t.isEmpty() || !LITERAL.matcher(t).matches() || (t.indexOf(':') < 0 && t.chars().filter(c -> c == '.').count() != 3)) {
      return null;
    }
    try {
      return InetAddress.getByName(t);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  public boolean trusts(InetAddress address) {
    for (Block b : blocks) {
      if (b.contains(address)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Request customize(Request request, HttpFields.Mutable responseHeaders) {
    SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
    if (!(remote instanceof InetSocketAddress peer) || peer.getAddress() == null || !trusts(peer.getAddress())) {
      return request;
    }
    InetAddress client = client(request.getHeaders().getValuesList(header.headerName()));
    if (client == null) {
      return request;
    }
    InetSocketAddress address = new InetSocketAddress(client, 0);
    ConnectionMetaData meta = new ConnectionMetaData.Wrapper(request.getConnectionMetaData()) {
      @Override
      public SocketAddress getRemoteSocketAddress() {
        return address;
      }
    };
    return new Request.Wrapper(request) {
      @Override
      public ConnectionMetaData getConnectionMetaData() {
        return meta;
      }
    };
  }

  /**
   * The right-most hop of the header's values (all lines, in order) that is not a trusted proxy;
   * when every hop is trusted, the left-most. Null when there is no usable hop, or when the hop to
   * take is not an address (then the connection's own address stands).
   */
  InetAddress client(List<String> lines) {
    List<String> hops = new ArrayList<>();
    for (String line : lines) {
      for (String element : line.split(",")) {
        String hop = header == Header.FORWARDED ? forwardedFor(element) : element.trim();
        if (hop != null && !hop.isEmpty()) {
          hops.add(hop);
        }
      }
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      InetAddress hop = withoutPort(hops.get(i));
      if (hop == null) {
        return null;
      }
      if (!trusts(hop) || i == 0) {
        return hop;
      }
    }
    return null;
  }

  /** The {@code for=} value of one {@code Forwarded} element, unquoted; null when it has none. */
  private static String forwardedFor(String element) {
    for (String pair : element.split(";")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("for")) {
        String v = pair.substring(eq + 1).trim();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
      }
    }
    return null;
  }

  /** {@code 1.2.3.4}, {@code 1.2.3.4:5678}, {@code ::1}, {@code [::1]:5678} as an address. */
  private static InetAddress withoutPort(String hop) {
    String h = hop.trim();
    if (h.startsWith("[")) {
      int close = h.indexOf(']');
      return close < 0 ? null : literal(h.substring(0, close + 1));
    }
    int colon = h.indexOf(':');
    if (colon > 0 && colon == h.lastIndexOf(':')) {
      h = h.substring(0, colon); // IPv4 with a port
    }
    return literal(h);
  }
}
