package az.disclose.content;

import java.net.URI;
import java.net.URISyntaxException;

/** What an evidence link may be: a path of the site ({@code /news/...}) or an http(s) address. */
final class Links {
  private Links() {}

  static boolean isEvidence(String s) {
    return s.startsWith("/") && !s.startsWith("//") || isHttpUrl(s);
  }

  static boolean isHttpUrl(String s) {
    try {
      URI u = new URI(s);
      return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
