package az.disclose.inbox.accounts;

import java.time.Instant;

/**
 * One row of the append-only account audit.
 *
 * @param actor who did it: the account itself for a sign-in, the administrator for a change
 * @param username the account concerned (for a sign-in under an unknown name, the name as typed)
 * @param detail what else is worth knowing (the role given, the lock's end), never a secret
 */
public record AuditEvent(long id, Instant at, String actor, String username, AuditKind kind, String detail) {}
