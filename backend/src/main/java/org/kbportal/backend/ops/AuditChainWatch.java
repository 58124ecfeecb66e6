package org.kbportal.backend.ops;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.kbportal.backend.audit.AuditChainProperties;
import org.kbportal.backend.audit.AuditLog;
import org.kbportal.backend.audit.AuditVerifier;
import org.kbportal.backend.notify.Notifier;
import org.kbportal.backend.system.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Verifies the audit chain at start-up (which first chains events from before the chain existed) and
 * then every {@code kb.audit.verify-interval}. A break is logged, audited ({@code audit.chain-broken})
 * and e-mailed to the security administrators (users with the role SECURITY_ADMIN; ADMIN where there is
 * none). The tip of an intact chain is logged too, so a copy of the application log outside the database
 * shows when its end was cut off and re-anchored.
 */
@Component
class AuditChainWatch extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(AuditChainWatch.class);

    private final AuditVerifier verifier;
    private final AuditLog audit;
    private final Notifier notifier;
    private final DatabaseClient db;
    private final Duration interval;

    AuditChainWatch(
            AuditVerifier verifier,
            AuditLog audit,
            Notifier notifier,
            DatabaseClient db,
            AuditChainProperties settings) {
        super("Audit chain verification");
        this.verifier = verifier;
        this.audit = audit;
        this.notifier = notifier;
        this.db = db;
        this.interval = settings.verifyInterval();
    }

    /** One verification, with the alert when the chain is broken. */
    Mono<AuditVerifier.Result> check() {
        return verifier.verify().flatMap(r -> {
            if (r.intact()) {
                log.info("Audit chain intact: {} events", r.records());
                return Mono.just(r);
            }
            log.error(
                    "Audit chain BROKEN from event {}: audit records were changed, removed or inserted",
                    r.firstBroken());
            return audit.record(
                            "system",
                            "audit.chain-broken",
                            String.valueOf(r.firstBroken()),
                            500,
                            "first broken event " + r.firstBroken(),
                            null)
                    .then(alert(r.firstBroken()))
                    .thenReturn(r);
        });
    }

    private Mono<Void> alert(long firstBroken) {
        String subject = "审计日志完整性校验失败 / Audit log integrity check failed";
        String body = "审计日志的哈希链自第 " + firstBroken + " 条记录起校验不通过：审计记录可能被修改、删除或插入。"
                + "请立即检查数据库访问记录。\n\n"
                + "The audit log's hash chain does not verify from event " + firstBroken
                + ": audit records may have been changed, removed or inserted. Check who had access to the database.\n";
        return recipients()
                .concatMap(to -> notifier.mail(to, subject, body, "AUDIT_BROKEN", List.of()))
                .then();
    }

    /** E-mail addresses of the enabled SECURITY_ADMINs, else of the ADMINs. */
    Flux<String> recipients() {
        return db.sql("SELECT email, roles FROM app_user WHERE enabled = TRUE AND email IS NOT NULL AND email <> ''")
                .map(r -> new String[] {r.get("email", String.class), r.get("roles", String.class)})
                .all()
                .collectList()
                .flatMapMany(rows -> {
                    List<String> security = withRole(rows, "SECURITY_ADMIN");
                    return Flux.fromIterable(security.isEmpty() ? withRole(rows, "ADMIN") : security);
                });
    }

    private static List<String> withRole(List<String[]> rows, String role) {
        return rows.stream()
                .filter(r -> Arrays.stream(r[1].split(",")).map(String::strip).anyMatch(role::equals))
                .map(r -> r[0])
                .distinct()
                .toList();
    }

    @Override
    protected Schedule schedule() {
        return Schedule.every(interval).after(Duration.ofSeconds(5));
    }

    @Override
    protected Mono<?> runOnce() {
        return check();
    }
}
