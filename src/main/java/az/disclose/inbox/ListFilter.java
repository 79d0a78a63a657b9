package az.disclose.inbox;

import az.disclose.inbox.model.RequestStatus;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which requests {@link RegisterService#list} shows; the conditions combine with "and".
 *
 * @param status only requests in this status
 * @param openOnly only requests that still need an answer
 * @param overdue only open requests whose deadline has passed
 * @param dueWithin only open requests due within this many working days from today (0: today)
 */
public record ListFilter(Optional<RequestStatus> status, boolean openOnly, boolean overdue, OptionalInt dueWithin) {
  public ListFilter {
    if (dueWithin.isPresent() && dueWithin.getAsInt() < 0) {
      throw new IllegalArgumentException("due within must not be negative");
    }
  }

  public static ListFilter all() {
    return new ListFilter(Optional.empty(), false, false, OptionalInt.empty());
  }

  public ListFilter withStatus(RequestStatus s) {
    return new ListFilter(Optional.of(s), openOnly, overdue, dueWithin);
  }

  public ListFilter onlyOpen() {
    return new ListFilter(status, true, overdue, dueWithin);
  }

  public ListFilter onlyOverdue() {
    return new ListFilter(status, openOnly, true, dueWithin);
  }

  public ListFilter dueWithin(int workingDays) {
    return new ListFilter(status, openOnly, overdue, OptionalInt.of(workingDays));
  }
}
