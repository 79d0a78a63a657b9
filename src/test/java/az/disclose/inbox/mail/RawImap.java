package az.disclose.inbox.mail;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal IMAP client on a plain socket: what the server returns for {@code FETCH BODY.PEEK[]},
 * byte for byte, with no mail library in between (the reference the intake is compared with).
 */
final class RawImap {
  private static final Pattern LITERAL = Pattern.compile("^\\* (\\d+) FETCH .*BODY\\[\\] \\{(\\d+)\\}$");

  private RawImap() {}

  /** Message sequence number to the bytes of {@code BODY[]}, for every message of {@code folder}. */
  static Map<Integer, byte[]> fetchAll(int port, String login, String password, String folder) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(30_000);
      InputStream in = new BufferedInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();
      line(in); // greeting
      command(in, out, "a LOGIN " + login + " " + password, "a", null);
      command(in, out, "b EXAMINE " + folder, "b", null);
      Map<Integer, byte[]> bodies = new LinkedHashMap<>();
      command(in, out, "c FETCH 1:* (BODY.PEEK[])", "c", bodies);
      command(in, out, "d LOGOUT", "d", null);
      return bodies;
    }
  }

  /**
   * Appends each of {@code messages} to {@code folder} with IMAP {@code APPEND}, the bytes sent as a
   * synchronising literal exactly as given (as a mail client or a migration tool stores a message).
   */
  static void appendAll(int port, String login, String password, String folder, Iterable<byte[]> messages)
      throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(30_000);
      InputStream in = new BufferedInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();
      line(in); // greeting
      command(in, out, "a LOGIN " + login + " " + password, "a", null);
      int n = 0;
      for (byte[] m : messages) {
        String tag = "p" + (++n);
        out.write((tag + " APPEND " + folder + " {" + m.length + "}\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String go = line(in);
        if (!go.startsWith("+")) {
          throw new IOException("IMAP APPEND of message " + n + ": the server did not accept the literal: " + go);
        }
        out.write(m);
        command(in, out, "", tag, null);
      }
      command(in, out, "z LOGOUT", "z", null);
    }
  }

  private static void command(InputStream in, OutputStream out, String command, String tag, Map<Integer, byte[]> bodies)
      throws IOException {
    out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    while (true) {
      String l = line(in);
      if (l.startsWith(tag + " ")) {
        if (!l.startsWith(tag + " OK")) {
          throw new IOException("IMAP " + command + ": " + l);
        }
        return;
      }
      Matcher m = LITERAL.matcher(l);
      if (m.matches() && bodies != null) {
        byte[] body = in.readNBytes(Integer.parseInt(m.group(2)));
        bodies.put(Integer.parseInt(m.group(1)), body);
        line(in); // the closing ")"
      }
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        break;
      }
      b.write(c);
    }
    if (c < 0 && b.size() == 0) {
      throw new IOException("the IMAP server closed the connection");
    }
    String s = b.toString(StandardCharsets.ISO_8859_1);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }
}
