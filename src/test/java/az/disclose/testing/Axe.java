package az.disclose.testing;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** axe-core on the page a browser shows, and the page's width, for the accessibility tests. */
public final class Axe {
  /** The WCAG levels checked: 2.0 and 2.1, A and AA. */
  public static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
  /** Desktop and phone widths, in CSS pixels. */
  public static final List<Integer> WIDTHS = List.of(1280, 390);

  private Axe() {}

  /**
   * The WCAG violations of the page {@code browser} shows, each as "rule (impact): help", then each
   * offending element and what is wrong with it; an {@link IllegalStateException} when axe did not run.
   */
  public static List<String> violations(WebDriver browser) {
    Results results = new AxeBuilder().withTags(WCAG).analyze(browser);
    if (results.getErrorMessage() != null) {
      throw new IllegalStateException("axe did not run: " + results.getErrorMessage());
    }
    List<String> out = new ArrayList<>();
    for (Rule r : results.getViolations()) {
      StringBuilder s = new StringBuilder(r.getId() + " (" + r.getImpact() + "): " + r.getHelp());
      for (CheckedNode n : r.getNodes()) {
        s.append("\n    ").append(n.getTarget()).append(" ").append(n.getHtml())
            .append("\n      ").append(String.valueOf(n.getFailureSummary()).replace("\n", "\n      "));
      }
      out.add(s.toString());
    }
    return out;
  }

  /** The page's width and the window's, in CSS pixels: a page that fits has the first no larger. */
  public static long[] pageAndWindowWidth(WebDriver browser) {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    return new long[] {(Long) js.executeScript("return document.documentElement.scrollWidth;"),
        (Long) js.executeScript("return document.documentElement.clientWidth;")};
  }
}
