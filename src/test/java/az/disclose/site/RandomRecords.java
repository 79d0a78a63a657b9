package az.disclose.site;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Random values of any record built of the types {@link RecordCodec} stores, made by walking the
 * record's components: a component added to a record is filled in (and so checked) by every test
 * that uses it, without the test being changed.
 */
final class RandomRecords {
  private static final String LETTERS = "abcçdeəfgğhxıijkqlmnoöprsştuüvyzABCÇƏĞIİÖŞÜ 0123456789-\"'<>&\n\u00a0—";

  private final Random random;

  RandomRecords(long seed) {
    this.random = new Random(seed);
  }

  <R extends Record> R next(Class<R> type) {
    return type.cast(value(type));
  }

  /** {@code record} with component {@code index} replaced by a different random value. */
  <R extends Record> R withOneChanged(R record, int index) {
    RecordComponent[] components = record.getClass().getRecordComponents();
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      args[i] = get(components[i], record);
    }
    Object changed;
    do {
      changed = value(components[index].getGenericType());
    } while (changed.equals(args[index]));
    args[index] = changed;
    return construct(record.getClass(), components, args);
  }

  Object value(Type type) {
    if (type instanceof ParameterizedType p) {
      Type arg = p.getActualTypeArguments()[0];
      if (p.getRawType() == Optional.class) {
        return random.nextBoolean() ? Optional.of(value(arg)) : Optional.empty();
      }
      if (p.getRawType() == List.class) {
        List<Object> list = new ArrayList<>();
        for (int n = random.nextInt(4); n > 0; n--) {
          list.add(value(arg));
        }
        return List.copyOf(list);
      }
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) {
      StringBuilder s = new StringBuilder();
      for (int n = random.nextInt(12); n > 0; n--) {
        s.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
      }
      return s.toString();
    }
    if (c == boolean.class || c == Boolean.class) {
      return random.nextBoolean();
    }
    if (c == int.class || c == Integer.class) {
      return random.nextInt();
    }
    if (c == long.class || c == Long.class) {
      return random.nextLong();
    }
    if (c == LocalDate.class) {
      return LocalDate.of(2000, 1, 1).plusDays(random.nextInt(20_000));
    }
    if (c.isEnum()) {
      Object[] constants = c.getEnumConstants();
      return constants[random.nextInt(constants.length)];
    }
    if (c.isRecord()) {
      RecordComponent[] components = c.getRecordComponents();
      Object[] args = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        args[i] = value(components[i].getGenericType());
      }
      return construct(c, components, args);
    }
    throw new IllegalArgumentException("no random values of " + type.getTypeName() + " (RecordCodec does not store it either)");
  }

  private static Object get(RecordComponent component, Object record) {
    try {
      component.getAccessor().setAccessible(true);
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <R> R construct(Class<?> type, RecordComponent[] components, Object[] args) {
    try {
      Class<?>[] parameters = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        parameters[i] = components[i].getType();
      }
      var constructor = type.getDeclaredConstructor(parameters);
      constructor.setAccessible(true);
      return (R) constructor.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
