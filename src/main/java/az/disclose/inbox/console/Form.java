package az.disclose.inbox.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A submitted form: its text fields (the first value of each name) and its files. Read by the
 * endpoints only; templates get typed views.
 */
record Form(Map<String, String> fields, List<Upload> files) {
  /** A file of a multipart form. */
  record Upload(String field, String fileName, String contentType, byte[] bytes) {}

  Form {
    fields = new LinkedHashMap<>(fields);
    files = List.copyOf(files);
  }

  static Form empty() {
    return new Form(Map.of(), List.of());
  }

  /** The field's value, stripped; empty text when missing. */
  String get(String name) {
    String v = fields.get(name);
    return v == null ? "" : v.strip();
  }

  /** The field's value as sent (a password is not stripped); empty text when missing. */
  String raw(String name) {
    String v = fields.get(name);
    return v == null ? "" : v;
  }
}
