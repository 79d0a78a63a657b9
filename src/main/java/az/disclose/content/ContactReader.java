package az.disclose.content;

import az.disclose.yaml.Fields;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code data/contact.yaml}; see content/README.md for its keys. Unknown keys are errors. */
final class ContactReader {
  private ContactReader() {}

  static Contact read(Fields root) {
    String organisation = root.requiredText("organisation");
    List<String> address = lines(root, "address", true);
    String phone = root.requiredText("phone");
    String email = email(root);
    List<String> hours = lines(root, "hours", true);
    List<Contact.Officer> officers = new ArrayList<>();
    for (Fields o : root.list("officers", true)) {
      officers.add(new Contact.Officer(o.requiredText("name"), o.requiredText("position"), lines(o, "address", true),
          email(o), o.optionalText("phone").map(String::strip).orElse("")));
      o.rejectUnknownKeys();
    }
    root.rejectUnknownKeys();
    return new Contact(organisation, address, phone.strip(), email, hours, List.copyOf(officers));
  }

  /** A list of lines (or one line), none blank. */
  private static List<String> lines(Fields f, String key, boolean required) {
    if (!f.has(key)) {
      if (required) {
        f.problemAt(key, "'" + key + "' is required (a line, or a list of lines)");
      }
      return List.of();
    }
    List<String> lines = f.textList(key);
    if (lines.isEmpty() || lines.stream().anyMatch(String::isBlank)) {
      f.problemAt(key, "'" + key + "' must not be empty, nor hold an empty line");
    }
    return List.copyOf(lines);
  }

  private static String email(Fields f) {
    String email = f.optionalText("email").map(String::strip).orElse("");
    if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      f.problemAt("email", "'email' is not an e-mail address: '" + email + "'");
    }
    return email;
  }
}
