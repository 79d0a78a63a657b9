package az.disclose.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import az.disclose.content.NewsMeta;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link RecordCodec}: any record of the supported types comes back equal; anything else is refused up front. */
class RecordCodecTest {
  enum Colour { RED, GREEN }

  record Inner(String name, Optional<Integer> count) {}

  record Everything(String text, boolean flag, Boolean boxedFlag, int small, Integer boxedSmall, long big, Long boxedBig,
      LocalDate day, Colour colour, Optional<LocalDate> maybeDay, Optional<String> maybeText, List<String> texts,
      List<Inner> inners, Inner inner, List<Optional<List<Colour>>> nested) {}

  record WithPath(String name, Path file) {}

  record WithMap(Map<String, String> values) {}

  record Deep(Inner inner, List<WithPath> paths) {}

  record Tree(String name, List<Tree> children) {}

  @Test
  void randomRecordsOfEverySupportedTypeComeBackEqual() throws IOException {
    RandomRecords random = new RandomRecords(1);
    RecordCodec<Everything> codec = RecordCodec.of(Everything.class);
    for (int i = 0; i < 500; i++) {
      Everything value = random.next(Everything.class);
      assertThat(roundTrip(codec, value)).isEqualTo(value);
    }
  }

  /** The property the build cache relies on: whatever NewsMeta holds, a new component included, survives. */
  @Test
  void randomNewsMetadataComesBackEqual() throws IOException {
    RandomRecords random = new RandomRecords(2);
    RecordCodec<NewsMeta> codec = RecordCodec.of(NewsMeta.class);
    for (int i = 0; i < 2000; i++) {
      NewsMeta meta = random.next(NewsMeta.class);
      assertThat(roundTrip(codec, meta)).isEqualTo(meta);
    }
  }

  @Test
  void aTextLongerThanSixtyFourKilobytesComesBackWhole() throws IOException {
    Inner long_ = new Inner("ə".repeat(70_000), Optional.of(1));
    assertThat(roundTrip(RecordCodec.of(Inner.class), long_)).isEqualTo(long_);
  }

  @Test
  void aComponentOfAnUnsupportedTypeIsRefusedWhenTheCodecIsMadeNamingIt() {
    assertThatThrownBy(() -> RecordCodec.of(WithPath.class)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("WithPath.file").hasMessageContaining("java.nio.file.Path");
    assertThatThrownBy(() -> RecordCodec.of(WithMap.class)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("WithMap.values");
    assertThatThrownBy(() -> RecordCodec.of(Deep.class)).as("however deep").isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("WithPath.file");
    assertThatThrownBy(() -> RecordCodec.of(Tree.class)).as("a record holding itself").isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Tree.children").hasMessageContaining("holds itself");
  }

  @Test
  void aNullComponentIsRefusedNamingIt() {
    RecordCodec<Inner> codec = RecordCodec.of(Inner.class);
    assertThatThrownBy(() -> roundTrip(codec, new Inner(null, Optional.empty()))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Inner.name is null");
  }

  @Test
  void theSchemaNamesEveryComponentAndEnumConstant() {
    assertThat(RecordCodec.of(NewsMeta.class).schema()).isEqualTo(
        "NewsMeta(slug:String,title:String,date:LocalDate,eventDate:Optional<LocalDate>,tags:List<Tag(name:String,slug:String)>,"
            + "summary:String,confidential:boolean)");
    assertThat(RecordCodec.of(Everything.class).schema()).contains("colour:Colour{RED|GREEN}", "nested:List<Optional<List<Colour{RED|GREEN}>>>");
  }

  private static <R extends Record> R roundTrip(RecordCodec<R> codec, R value) throws IOException {
    Source in = new Source(bytes(codec, value));
    R back = codec.read(in);
    assertThat(in.buffer.remaining()).as("bytes left").isZero();
    return back;
  }

  private static <R extends Record> byte[] bytes(RecordCodec<R> codec, R value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      codec.write(out, value);
    }
    return bytes.toByteArray();
  }

  /** Reads what a DataOutputStream wrote; running out is a damaged cache. */
  private static final class Source implements RecordCodec.Source {
    final ByteBuffer buffer;

    Source(byte[] bytes) {
      buffer = ByteBuffer.wrap(bytes);
    }

    private ByteBuffer need(int n) {
      if (n < 0 || buffer.remaining() < n) {
        throw new IllegalStateException("cut off");
      }
      return buffer;
    }

    @Override
    public int int32() {
      return need(4).getInt();
    }

    @Override
    public long int64() {
      return need(8).getLong();
    }

    @Override
    public boolean bool() {
      return need(1).get() != 0;
    }

    @Override
    public String text() {
      int n = int32();
      byte[] b = new byte[n];
      need(n).get(b);
      return new String(b, StandardCharsets.UTF_8);
    }
  }
}
