package az.disclose.inbox.model;

import az.disclose.calendar.DeadlineExplanation;

/**
 * What the requester gets back on registration.
 *
 * @param number e.g. {@code SEN-2026-00042}
 * @param statusToken an unguessable token for the private status link
 * @param deadline the due date and how it was computed
 */
public record Receipt(String number, String statusToken, DeadlineExplanation deadline) {}
