package az.disclose.inbox.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of one queue with filters. Every filter is optional; {@code text} is searched in the
 * number, subject and text (case-insensitive, Azerbaijani-aware: docs/register.md).
 *
 * @param actor who asks: the assignee for {@link Queue#MINE}
 * @param actorUnit the asking actor's unit, for {@link Queue#MY_UNIT}
 * @param receivedFrom first day of registration (inclusive, Baku time)
 * @param receivedTo last day of registration (inclusive, Baku time)
 * @param refusalGround the legal ground of a refusal, as the officers wrote it (exact, case-insensitive)
 * @param page the page, from 1; {@link #PAGE_SIZE} rows each
 */
public record QueueQuery(
    Queue queue,
    String actor,
    Optional<String> actorUnit,
    Optional<RequestStatus> status,
    Optional<RequestType> type,
    Optional<String> unit,
    Optional<LocalDate> receivedFrom,
    Optional<LocalDate> receivedTo,
    Optional<String> refusalGround,
    Optional<Channel> channel,
    Optional<String> text,
    int page) {
  /** Rows per page. */
  public static final int PAGE_SIZE = 50;
  /** The longest search text accepted. */
  public static final int MAX_TEXT = 200;
  /** A text search counts its hits up to this many; beyond, a page says "more than" this (QueuePage#more). */
  public static final int MAX_SEARCH_COUNT = 1_000;

  public QueueQuery {
    Objects.requireNonNull(queue, "queue");
    actor = actor == null ? "" : actor;
    Objects.requireNonNull(actorUnit, "actorUnit");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(receivedFrom, "receivedFrom");
    Objects.requireNonNull(receivedTo, "receivedTo");
    Objects.requireNonNull(refusalGround, "refusalGround");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(text, "text");
    text = text.map(String::strip).filter(t -> !t.isEmpty());
    if (page < 1) {
      throw new IllegalArgumentException("page must be 1 or more, not " + page);
    }
  }

  /** The first page of {@code queue} for {@code actor}, without filters. */
  public static QueueQuery of(Queue queue, String actor) {
    return new QueueQuery(queue, actor, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 1);
  }

  public QueueQuery withActorUnit(String u) {
    return new QueueQuery(queue, actor, Optional.ofNullable(u), status, type, unit, receivedFrom, receivedTo,
        refusalGround, channel, text, page);
  }

  public QueueQuery withStatus(RequestStatus s) {
    return new QueueQuery(queue, actor, actorUnit, Optional.ofNullable(s), type, unit, receivedFrom, receivedTo,
        refusalGround, channel, text, page);
  }

  public QueueQuery withType(RequestType t) {
    return new QueueQuery(queue, actor, actorUnit, status, Optional.ofNullable(t), unit, receivedFrom, receivedTo,
        refusalGround, channel, text, page);
  }

  public QueueQuery withUnit(String u) {
    return new QueueQuery(queue, actor, actorUnit, status, type, Optional.ofNullable(u), receivedFrom, receivedTo,
        refusalGround, channel, text, page);
  }

  public QueueQuery withReceived(LocalDate from, LocalDate to) {
    return new QueueQuery(queue, actor, actorUnit, status, type, unit, Optional.ofNullable(from),
        Optional.ofNullable(to), refusalGround, channel, text, page);
  }

  public QueueQuery withRefusalGround(String g) {
    return new QueueQuery(queue, actor, actorUnit, status, type, unit, receivedFrom, receivedTo,
        Optional.ofNullable(g), channel, text, page);
  }

  public QueueQuery withChannel(Channel c) {
    return new QueueQuery(queue, actor, actorUnit, status, type, unit, receivedFrom, receivedTo, refusalGround,
        Optional.ofNullable(c), text, page);
  }

  public QueueQuery withText(String t) {
    return new QueueQuery(queue, actor, actorUnit, status, type, unit, receivedFrom, receivedTo, refusalGround,
        channel, Optional.ofNullable(t), page);
  }

  public QueueQuery withPage(int p) {
    return new QueueQuery(queue, actor, actorUnit, status, type, unit, receivedFrom, receivedTo, refusalGround,
        channel, text, p);
  }
}
