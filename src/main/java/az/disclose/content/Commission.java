package az.disclose.content;

import java.util.List;

/** The commission set up by point 3 of the order, its duties (4) and the FOI officers (6). */
public record Commission(List<Member> members, List<Duty> duties, List<Officer> foiOfficers, String foiOfficerDuty) {
  /** @param role as the order words it: "sədr", "sədr müavini", "üzv" */
  public record Member(String name, String position, String role) {}

  public record Duty(String number, String text) {}

  public record Officer(String name, String position) {}
}
