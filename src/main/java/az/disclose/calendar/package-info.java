/**
 * Azerbaijani working days and statutory deadlines.
 *
 * <p>{@link az.disclose.calendar.HolidayLoader#load(java.nio.file.Path)} reads the per-year holiday
 * files ({@code content/data/holidays/<year>.yaml}) into an immutable {@link
 * az.disclose.calendar.HolidayCalendar}; {@link az.disclose.calendar.WorkingDays} answers "is this a
 * working day" and counts working days; {@link az.disclose.calendar.Deadline} turns a registration
 * instant and a {@link az.disclose.calendar.DeadlineRule} into a due date with a {@link
 * az.disclose.calendar.DeadlineExplanation} that says, day by day, how it was counted. Nothing here
 * holds global state; the time zone and the clock are always passed in.
 */
package az.disclose.calendar;
