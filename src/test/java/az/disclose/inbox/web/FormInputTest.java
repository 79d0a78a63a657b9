package az.disclose.inbox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormInputTest {
  static final String TYPE = "multipart/form-data; boundary=b0undary";

  static byte[] bytes(String text) {
    return text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void partsAreFoundInPlaceWithAPreambleAndExtendedFileNames() throws Exception {
    byte[] body = bytes("""
        a preamble the parser skips
        --b0undary
        Content-Disposition: form-data; name="subject"

        Hesabat
        --b0undary
        content-disposition: form-data; name="attachments"; filename="x.pdf"; filename*=UTF-8''%C9%99riz%C9%99+1.pdf
        Content-Type: application/pdf

        %PDF-1
        --b0undary
        Content-Disposition: form-data; name="attachments"; filename=""
        Content-Type: application/octet-stream


        --b0undary--
        an epilogue
        """);
    FormInput form = FormInput.multipart(body, TYPE, IntakeLimits.defaults());
    assertThat(form.get("subject")).isEqualTo("Hesabat");
    assertThat(form.files()).singleElement().satisfies(f -> {
      assertThat(f.fileName()).isEqualTo("ərizə+1.pdf");
      assertThat(new String(f.bytes(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1");
      assertThat(new String(body, f.offset(), f.length(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1");
    });
  }

  @Test
  void everyValueOfAFieldIsKeptInOrder() throws Exception {
    FormInput form = FormInput.urlEncoded("website=&website=spam&name=A+B".getBytes(StandardCharsets.US_ASCII));
    assertThat(form.get("website")).isEmpty();
    assertThat(form.all("website")).containsExactly("", "spam");
    assertThat(form.get("name")).isEqualTo("A B");
  }

  @Test
  void brokenFormsAreMalformedAndBrokenTextIsAnEncodingFault() {
    assertThatThrownBy(() -> FormInput.multipart(bytes("--b0undary\nContent-Disposition: form-data; name=\"a\"\n\nno end"),
        TYPE, IntakeLimits.defaults())).isInstanceOf(FormInput.MalformedException.class)
        .hasMessageContaining("does not end with the boundary");
    assertThatThrownBy(() -> FormInput.urlEncoded("a=%4".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(FormInput.MalformedException.class).matches(e -> !((FormInput.MalformedException) e).encoding());
    assertThatThrownBy(() -> FormInput.urlEncoded("a=%FF".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(FormInput.MalformedException.class).matches(e -> ((FormInput.MalformedException) e).encoding());
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < IntakeLimits.MAX_PARTS + 1; i++) {
      many.append("--b0undary\nContent-Disposition: form-data; name=\"f").append(i).append("\"\n\nx\n");
    }
    many.append("--b0undary--\n");
    assertThatThrownBy(() -> FormInput.multipart(bytes(many.toString()), TYPE, IntakeLimits.defaults()))
        .hasMessageContaining("more than 32 fields");
  }
}
