package az.disclose.publish;

import java.util.Arrays;

/** Offsets in a text to 1-based line numbers. */
final class Lines {
  private final int[] starts;
  private final int firstLine;

  /** {@code firstLine} is the file line of the text's first line. */
  Lines(String text, int firstLine) {
    int[] s = new int[16];
    int n = 0;
    s[n++] = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (n == s.length) {
          s = Arrays.copyOf(s, n * 2);
        }
        s[n++] = i + 1;
      }
    }
    this.starts = Arrays.copyOf(s, n);
    this.firstLine = firstLine;
  }

  int lineOf(int offset) {
    int i = Arrays.binarySearch(starts, offset);
    return firstLine + (i >= 0 ? i : -i - 2);
  }
}
