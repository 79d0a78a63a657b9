package az.disclose.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import az.disclose.testing.HtmlChecker.Problem;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlCheckerTest {

    private static HtmlChecker checker;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        long start = System.nanoTime();
        checker = HtmlChecker.create();
        System.out.printf("HtmlChecker.create(): %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    private Path write(String name, String html) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, html, StandardCharsets.UTF_8);
        return file;
    }

    private static String page(String body) {
        return "<!DOCTYPE html>\n"
                + "<html lang=\"az\">\n"
                + "<head>\n"
                + "<meta charset=\"utf-8\">\n"
                + "<title>Açıq Hökumət</title>\n"
                + "</head>\n"
                + "<body>\n"
                + body
                + "</body>\n"
                + "</html>\n";
    }

    @Test
    void validAzerbaijaniDocumentHasNoErrors() throws IOException {
        Path file = write("valid.html", page(
                "<h1>Açıq Hökumət</h1>\n"
                        + "<p>Açıq Hökumət, informasiya azadlığı, İş planı.</p>\n"
                        + "<ul><li><a href=\"/az/plan/\">İş planı</a></li></ul>\n"));

        assertThat(checker.check(file)).isEmpty();
    }

    @Test
    void divInsideParagraphIsReportedOnItsLine() throws IOException {
        // line 8: the <div> implicitly closes the <p>, so the </p> on line 10 has no open <p>.
        Path file = write("div-in-p.html", page(
                "<p>Açıq Hökumət\n"           // line 8
                        + "<div>İş planı</div>\n" // line 9
                        + "</p>\n"));             // line 10

        List<Problem> problems = checker.check(file);

        // vnu: "No “p” element in scope but a “p” end tag seen."
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(file);
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.column()).isPositive();
            assertThat(p.message()).contains("end tag");
            assertThat(p).hasToString(file + ":10:" + p.column() + ": " + p.message());
        });
    }

    @Test
    void missingTitleIsReported() throws IOException {
        Path file = write("no-title.html", "<!DOCTYPE html>\n"
                + "<html lang=\"az\">\n"
                + "<head>\n"
                + "<meta charset=\"utf-8\">\n"
                + "</head>\n"
                + "<body><p>İş planı</p></body>\n"
                + "</html>\n");

        List<Problem> problems = checker.check(file);

        // vnu: "Element “head” is missing required child element “title”." (reported at </head>)
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.message()).contains("title");
            assertThat(p.line()).isBetween(3, 5);
        });
    }

    @Test
    void unknownElementIsReported() throws IOException {
        Path file = write("unknown.html", page(
                "<p>Açıq Hökumət</p>\n"                 // line 8
                        + "<sened>İş planı</sened>\n"));  // line 9

        List<Problem> problems = checker.check(file);

        // vnu: "Element “sened” not allowed as child of element “body” ..." and
        //      "The “sened” element is a completely-unknown element ..."
        assertThat(problems).isNotEmpty().allSatisfy(p -> {
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.message()).contains("sened");
        });
    }

    @Test
    void fatalErrorIsReportedAndStopsTheFile() throws IOException {
        // Text directly inside <table> cannot be handled by the streaming parser (vnu's default mode).
        Path file = write("fatal.html", page("<table><tr><td>a</td></tr>mətn</table>\n"));

        List<Problem> problems = checker.check(file);

        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.line()).isEqualTo(8));
        assertThat(problems).last().extracting(Problem::message).asString().contains("Cannot recover");
    }

    @Test
    void checkAllVisitsEveryHtmlFileInPathOrder() throws IOException {
        write("b/ok.html", page("<p>İş planı</p>\n"));
        Path bad1 = write("a/bad.html", page("<foo></foo>\n"));
        Path bad2 = write("c/d/bad.html", page("<bar></bar>\n"));
        write("c/notes.txt", "<foo>not html</foo>");

        List<Problem> problems = checker.checkAll(dir);

        assertThat(problems.stream().map(Problem::file).distinct()).containsExactly(bad1, bad2);
    }

    @Test
    void instanceIsReusableAfterAnInvalidDocument() throws IOException {
        Path bad = write("bad.html", "<p><div></p>");
        Path good = write("good.html", page("<p>İş planı</p>\n"));

        assertThat(checker.check(bad)).isNotEmpty();
        assertThat(checker.check(good)).isEmpty();
        assertThat(checker.check(bad)).isNotEmpty();
    }

    @Test
    void tenKilobytePageTiming() throws IOException {
        StringBuilder body = new StringBuilder();
        int i = 0;
        while (body.length() < 10_000) {
            body.append("<section id=\"s").append(i).append("\"><h2>Bölmə ").append(i).append("</h2>\n")
                    .append("<p>Açıq Hökumət, informasiya azadlığı, <a href=\"/az/plan/").append(i)
                    .append("/\">İş planı</a>.</p></section>\n");
            i++;
        }
        Path file = write("big.html", page(body.toString()));

        long first = System.nanoTime();
        assertThat(checker.check(file)).isEmpty();
        long firstMs = (System.nanoTime() - first) / 1_000_000;
        long start = System.nanoTime();
        int runs = 20;
        for (int r = 0; r < runs; r++) {
            assertThat(checker.check(file)).isEmpty();
        }
        double avgMs = (System.nanoTime() - start) / 1e6 / runs;
        System.out.printf("check(%d-byte page): first %d ms, then avg %.1f ms%n", Files.size(file), firstMs, avgMs);
    }
}
