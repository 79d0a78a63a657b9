package az.disclose.content;

import java.util.List;

/**
 * The commission set up by point 3 of the order, its duties (4) and the FOI officers (6). Each
 * {@code ...En} is the English text of an optional {@code en:} block in data/commission.yaml ("" for
 * none: the English pages then show the Azerbaijani text, marked {@code lang="az"}).
 */
public record Commission(List<Member> members, List<Duty> duties, List<Officer> foiOfficers, String foiOfficerDuty,
    String foiOfficerDutyEn) {
  /** @param role as the order words it: "sədr", "sədr müavini", "üzv" */
  public record Member(String name, String position, String role, String positionEn, String roleEn) {}

  public record Duty(String number, String text, String textEn) {}

  public record Officer(String name, String position, String positionEn) {}
}
