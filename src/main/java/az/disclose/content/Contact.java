package az.disclose.content;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to reach the ministry and its freedom-of-information officers (point 6 of the order), from
 * {@code data/contact.yaml}: shown on {@code /contact/}.
 *
 * @param organisation the ministry's name as a letter is addressed to it
 * @param address the postal address, one line per element
 * @param phone as it is dialled and shown, e.g. "+994 12 598 16 65"
 * @param email the general e-mail address, or empty
 * @param hours the reception hours, one line per element
 */
public record Contact(String organisation, List<String> address, String phone, String email, List<String> hours,
    List<Officer> officers) {

  /** What a phone number may hold to be dialled from a link: digits, spaces, '+', '-', '(' and ')'. */
  static final Pattern DIALLABLE = Pattern.compile("[+(]?[0-9][0-9 ()\\-]{4,30}");

  /** An FOI officer and where letters and e-mail reach them officially. */
  public record Officer(String name, String position, List<String> address, String email, String phone) {
    public Optional<String> telUrl() {
      return Contact.telUrl(phone);
    }
  }

  /** The {@code tel:} address of the ministry's phone, when it is a number. */
  public Optional<String> telUrl() {
    return telUrl(phone);
  }

  static Optional<String> telUrl(String phone) {
    if (phone == null || !DIALLABLE.matcher(phone.strip()).matches()) {
      return Optional.empty();
    }
    return Optional.of("tel:" + phone.replaceAll("[^0-9+]", ""));
  }
}
