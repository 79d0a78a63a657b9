package az.disclose.inbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.model.RequestView;
import az.disclose.testing.TestClock;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text from a web form sent with CRLF line ends (as every browser sends a textarea), and an
 * officer's answer written with CRLF, reach the register and the status page without a stray CR
 * or a replacement character.
 */
class CrlfTextIT {
  @TempDir Path dir;
  TestClock clock = TestClock.baku(2026, 9, 1, 10, 0);
  Intake intake;

  @AfterEach
  void stop() throws Exception {
    if (intake != null) {
      intake.close();
    }
  }

  @Test
  void aCrlfFormAndACrlfAnswerShowOnTheStatusPageWithoutCarriageReturns() throws Exception {
    intake = Intake.start(dir.resolve("data"), clock, IntakeLimits.defaults());
    Map<String, String> form = Intake.with(Intake.validForm(), "message",
        "Birinci sətir: ə ğ ı.\r\nİkinci sətir.\r\n\r\nÜçüncü\rsətir.");
    byte[] body = Intake.multipart(form, List.of());
    HttpResponse<String> r = intake.post(body, Intake.MULTIPART_TYPE, null);
    assertThat(r.statusCode()).isEqualTo(303);
    String number = "SEN-2026-00001";
    RequestView v = intake.inbox.register().find(number).orElseThrow();
    assertThat(v.message()).isEqualTo("Birinci sətir: ə ğ ı.\nİkinci sətir.\n\nÜçüncü\nsətir.");
    assertThat(intake.inbox.register().raw(number)).as("the raw submission keeps the bytes sent").isEqualTo(body);

    intake.inbox.register().answer(number, "officer", "Hörmətli Aysel,\r\nHesabat əlavə olunur.\r\nHörmətlə", List.of());
    String token = IntakeServerIT.token(r);
    HttpResponse<byte[]> page = intake.http.send(java.net.http.HttpRequest.newBuilder(
        intake.base.resolve("/requests/status/" + token)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(page.statusCode()).isEqualTo(200);
    String html = new String(page.body(), StandardCharsets.UTF_8);
    assertThat(html).contains("Hörmətli Aysel,\nHesabat əlavə olunur.\nHörmətlə");
    assertThat(html).doesNotContain("\r").doesNotContain("\uFFFD");
  }
}
