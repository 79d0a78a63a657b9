package az.disclose.site;

import java.io.DataOutput;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a record to bytes and reads it back, component by component, by reflection over its
 * {@link RecordComponent}s — so that a new component (a new front-matter key of a news item) is
 * stored in the build cache without anyone writing code for it. The supported component types:
 * {@code String}, {@code boolean}, {@code int}, {@code long} (and their boxes), {@link LocalDate},
 * enums, {@code Optional<T>}, {@code List<T>} and nested records of these. A record with a
 * component of any other type is refused when its codec is made, naming the component, so such a
 * change fails every build (and its tests) at once instead of being lost on the way through the
 * cache.
 *
 * <p>{@link #schema()} describes the layout (names and types of every component, the constants of
 * every enum): the cache stores it, and a cache written under another layout is not read.
 * Components are never null (a null is refused when written, naming the component).
 *
 * <p>Numbers are big-endian; a string is its UTF-8 length (an {@code int}) and bytes.
 */
final class RecordCodec<R extends Record> {
  /** Where the bytes are read from: what {@link #write} wrote, in the same order. */
  interface Source {
    int int32();

    long int64();

    boolean bool();

    String text();
  }

  private final Class<R> type;
  private final Value value;

  private RecordCodec(Class<R> type) {
    this.type = type;
    this.value = valueOf(type, type.getSimpleName(), new java.util.HashSet<>());
  }

  /** The codec of {@code type}; throws {@link IllegalArgumentException} naming an unsupported component. */
  static <R extends Record> RecordCodec<R> of(Class<R> type) {
    return new RecordCodec<>(type);
  }

  /** The layout: every component's name and type, nested records and enum constants spelled out. */
  String schema() {
    return value.schema();
  }

  void write(DataOutput out, R record) throws IOException {
    value.write(out, record, type.getSimpleName());
  }

  R read(Source in) {
    return type.cast(value.read(in));
  }

  /** A string as its UTF-8 length and bytes (unlike {@code writeUTF}, without a 64 KiB limit). */
  static void writeText(DataOutput out, String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  /** How one type is written and read. */
  private interface Value {
    void write(DataOutput out, Object v, String where) throws IOException;

    Object read(Source in);

    String schema();
  }

  /** {@code inside}: the records whose components are being walked (one holding itself is refused). */
  private static Value valueOf(Type type, String where, Set<Class<?>> inside) {
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      Type[] args = p.getActualTypeArguments();
      if (raw == Optional.class) {
        return optional(valueOf(args[0], where + "<>", inside));
      }
      if (raw == List.class) {
        return list(valueOf(args[0], where + "[]", inside));
      }
    } else if (type instanceof Class<?> c) {
      if (c == String.class) {
        return simple("String", (out, v) -> writeText(out, (String) v), Source::text);
      }
      if (c == boolean.class || c == Boolean.class) {
        return simple("boolean", (out, v) -> out.writeBoolean((Boolean) v), Source::bool);
      }
      if (c == int.class || c == Integer.class) {
        return simple("int", (out, v) -> out.writeInt((Integer) v), Source::int32);
      }
      if (c == long.class || c == Long.class) {
        return simple("long", (out, v) -> out.writeLong((Long) v), Source::int64);
      }
      if (c == LocalDate.class) {
        return simple("LocalDate", (out, v) -> out.writeLong(((LocalDate) v).toEpochDay()), in -> LocalDate.ofEpochDay(in.int64()));
      }
      if (c.isEnum()) {
        return enumeration(c);
      }
      if (c.isRecord()) {
        if (!inside.add(c)) {
          throw new IllegalArgumentException("the build cache cannot store " + where + ": record " + c.getSimpleName() + " holds itself");
        }
        Value v = record(c, inside);
        inside.remove(c);
        return v;
      }
    }
    throw new IllegalArgumentException("the build cache cannot store " + where + " of type " + type.getTypeName()
        + "; use String, boolean, int, long, LocalDate, an enum, Optional, List or a record of these (site.RecordCodec)");
  }

  @FunctionalInterface
  private interface Writer {
    void write(DataOutput out, Object v) throws IOException;
  }

  private static Value simple(String name, Writer writer, java.util.function.Function<Source, Object> reader) {
    return new Value() {
      @Override
      public void write(DataOutput out, Object v, String where) throws IOException {
        writer.write(out, notNull(v, where));
      }

      @Override
      public Object read(Source in) {
        return reader.apply(in);
      }

      @Override
      public String schema() {
        return name;
      }
    };
  }

  private static Value optional(Value element) {
    return new Value() {
      @Override
      public void write(DataOutput out, Object v, String where) throws IOException {
        Optional<?> o = (Optional<?>) notNull(v, where);
        out.writeBoolean(o.isPresent());
        if (o.isPresent()) {
          element.write(out, o.get(), where);
        }
      }

      @Override
      public Object read(Source in) {
        return in.bool() ? Optional.of(element.read(in)) : Optional.empty();
      }

      @Override
      public String schema() {
        return "Optional<" + element.schema() + ">";
      }
    };
  }

  private static Value list(Value element) {
    return new Value() {
      @Override
      public void write(DataOutput out, Object v, String where) throws IOException {
        List<?> list = (List<?>) notNull(v, where);
        out.writeInt(list.size());
        for (Object e : list) {
          element.write(out, e, where);
        }
      }

      @Override
      public Object read(Source in) {
        int n = in.int32();
        if (n < 0) {
          throw new IllegalStateException("damaged build cache: negative list length");
        }
        List<Object> out = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
          out.add(element.read(in));
        }
        return List.copyOf(out);
      }

      @Override
      public String schema() {
        return "List<" + element.schema() + ">";
      }
    };
  }

  private static Value enumeration(Class<?> type) {
    Object[] constants = type.getEnumConstants();
    String schema = type.getSimpleName() + Arrays.stream(constants).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining("|", "{", "}"));
    return new Value() {
      @Override
      public void write(DataOutput out, Object v, String where) throws IOException {
        out.writeInt(((Enum<?>) notNull(v, where)).ordinal());
      }

      @Override
      public Object read(Source in) {
        int i = in.int32();
        if (i < 0 || i >= constants.length) {
          throw new IllegalStateException("damaged build cache: no constant " + i + " in " + type.getSimpleName());
        }
        return constants[i];
      }

      @Override
      public String schema() {
        return schema;
      }
    };
  }

  private static Value record(Class<?> type, Set<Class<?>> inside) {
    RecordComponent[] components = type.getRecordComponents();
    Method[] accessors = new Method[components.length];
    Value[] values = new Value[components.length];
    String[] names = new String[components.length];
    Class<?>[] parameters = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      names[i] = type.getSimpleName() + "." + components[i].getName();
      accessors[i] = components[i].getAccessor();
      accessors[i].setAccessible(true);
      values[i] = valueOf(components[i].getGenericType(), names[i], inside);
      parameters[i] = components[i].getType();
    }
    Constructor<?> canonical;
    try {
      canonical = type.getDeclaredConstructor(parameters);
      canonical.setAccessible(true);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException("record " + type.getName() + " has no canonical constructor", e);
    }
    String schema = type.getSimpleName() + java.util.stream.IntStream.range(0, components.length)
        .mapToObj(i -> components[i].getName() + ":" + values[i].schema()).collect(Collectors.joining(",", "(", ")"));
    return new Value() {
      @Override
      public void write(DataOutput out, Object v, String at) throws IOException {
        notNull(v, at);
        for (int i = 0; i < values.length; i++) {
          values[i].write(out, get(accessors[i], v), names[i]);
        }
      }

      @Override
      public Object read(Source in) {
        Object[] args = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
          args[i] = values[i].read(in);
        }
        try {
          return canonical.newInstance(args);
        } catch (InvocationTargetException e) {
          // The record's own checks refused what the cache held: damaged, or written by other code.
          throw new IllegalStateException("damaged build cache: " + type.getSimpleName() + " refused its values", e.getCause());
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot make a " + type.getName(), e);
        }
      }

      @Override
      public String schema() {
        return schema;
      }
    };
  }

  private static Object get(Method accessor, Object record) {
    try {
      return accessor.invoke(record);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(accessor + " failed", e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + accessor, e);
    }
  }

  private static Object notNull(Object v, String where) {
    if (v == null) {
      throw new IllegalArgumentException(where + " is null; the build cache stores no nulls");
    }
    return v;
  }
}
