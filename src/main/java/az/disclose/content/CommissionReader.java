package az.disclose.content;

import az.disclose.yaml.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads {@code data/commission.yaml}; see content/README.md for its keys. */
final class CommissionReader {
  private CommissionReader() {}

  static Commission read(Fields root) {
    List<Commission.Member> members = new ArrayList<>();
    for (Fields m : root.list("members", true)) {
      String position = m.requiredText("position");
      String role = m.requiredText("role");
      Fields en = english(m, Set.of("position", "role"));
      members.add(new Commission.Member(m.requiredText("name"), position, role, text(en, "position"), text(en, "role")));
      m.rejectUnknownKeys();
    }
    List<Commission.Duty> duties = new ArrayList<>();
    for (Fields d : root.list("duties", false)) {
      String number = d.requiredText("number");
      String text = d.requiredText("text");
      duties.add(new Commission.Duty(number, text, text(english(d, Set.of("text")), "text")));
      d.rejectUnknownKeys();
    }
    List<Commission.Officer> officers = new ArrayList<>();
    for (Fields o : root.list("foi_officers", true)) {
      String name = o.requiredText("name");
      String position = o.requiredText("position");
      officers.add(new Commission.Officer(name, position, text(english(o, Set.of("position")), "position")));
      o.rejectUnknownKeys();
    }
    String duty = root.optionalText("foi_officer_duty").orElse("");
    String dutyEn = text(english(root, Set.of("foi_officer_duty")), "foi_officer_duty");
    root.rejectUnknownKeys();
    return new Commission(List.copyOf(members), List.copyOf(duties), List.copyOf(officers), duty, dutyEn);
  }

  /**
   * The optional {@code en:} block of {@code fields}: the English of some of {@code keys} (each
   * optional); any other key in it is an error naming the file and line. Null when there is none.
   */
  static Fields english(Fields fields, Set<String> keys) {
    Fields en = fields.child("en").orElse(null);
    if (en != null) {
      keys.forEach(k -> en.optionalText(k));
      en.rejectUnknownKeys();
    }
    return en;
  }

  static String text(Fields en, String key) {
    return en == null ? "" : en.optionalText(key).orElse("");
  }
}
