package az.disclose.content;

import az.disclose.yaml.Fields;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code data/commission.yaml}; see content/README.md for its keys. */
final class CommissionReader {
  private CommissionReader() {}

  static Commission read(Fields root) {
    List<Commission.Member> members = new ArrayList<>();
    for (Fields m : root.list("members", true)) {
      members.add(new Commission.Member(m.requiredText("name"), m.requiredText("position"), m.requiredText("role")));
      m.rejectUnknownKeys();
    }
    List<Commission.Duty> duties = new ArrayList<>();
    for (Fields d : root.list("duties", false)) {
      duties.add(new Commission.Duty(d.requiredText("number"), d.requiredText("text")));
      d.rejectUnknownKeys();
    }
    List<Commission.Officer> officers = new ArrayList<>();
    for (Fields o : root.list("foi_officers", true)) {
      officers.add(new Commission.Officer(o.requiredText("name"), o.requiredText("position")));
      o.rejectUnknownKeys();
    }
    String duty = root.optionalText("foi_officer_duty").orElse("");
    root.rejectUnknownKeys();
    return new Commission(List.copyOf(members), List.copyOf(duties), List.copyOf(officers), duty);
  }
}
