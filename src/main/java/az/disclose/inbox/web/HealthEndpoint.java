package az.disclose.inbox.web;

import az.disclose.inbox.Register;
import az.disclose.inbox.web.InboxViews.DiskJson;
import az.disclose.inbox.web.InboxViews.HealthJson;
import az.disclose.inbox.web.InboxViews.ProbeJson;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /healthz}: JSON with the register's write probe, the free disk space (SQLite) and, when
 * mail is configured, the poller's and the outbox's state. 200 while new submissions are taken;
 * 503 when the register cannot commit or the disk is below the watermark.
 */
final class HealthEndpoint implements IntakeHandler.Endpoint {
  private static final Logger LOG = LoggerFactory.getLogger(HealthEndpoint.class);

  private final Register register;
  private volatile Supplier<Map<String, Object>> mailStatus;

  HealthEndpoint(Register register) {
    this.register = register;
  }

  /** Adds the mail side's state to the answer (null: none). */
  void reportMailStatus(Supplier<Map<String, Object>> status) {
    this.mailStatus = status;
  }

  @Override
  public void answer(Exchange x) throws Exception {
    Register.Health h;
    try {
      h = register.health();
    } catch (RuntimeException e) {
      h = new Register.Health(false, 0, String.valueOf(e.getMessage()), Optional.empty());
    }
    Supplier<Map<String, Object>> mail = mailStatus;
    Map<String, Object> mailState = null;
    if (mail != null) {
      try {
        mailState = mail.get();
      } catch (RuntimeException e) {
        mailState = Map.of("error", String.valueOf(e.getMessage()));
      }
    }
    HealthJson out = new HealthJson(h.healthy() ? "ok" : "failing", h.healthy(),
        new ProbeJson(h.canCommit(), h.probeMillis(), h.canCommit() ? null : h.probeError()),
        h.disk().map(d -> new DiskJson(d.usableBytes(), d.minimumBytes(), d.low())).orElse(null), mailState);
    if (!h.healthy()) {
      LOG.debug("healthz: not accepting submissions (can commit: {}, disk low: {}): {}", h.canCommit(),
          h.disk().map(Register.DiskSpace::low).orElse(false), h.probeError());
    }
    x.sendJson(h.healthy() ? HttpStatus.OK_200 : HttpStatus.SERVICE_UNAVAILABLE_503, out);
  }
}
