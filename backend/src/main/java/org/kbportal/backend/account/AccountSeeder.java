package org.kbportal.backend.account;

import java.util.Map;
import java.util.Set;
import org.kbportal.backend.system.KbProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * First-start accounts: the documented demo accounts (default profile), or in production only
 * an {@code admin} whose initial password comes from the environment ({@code KB_ADMIN_PASSWORD}); in both, a
 * {@code secadmin} (SECURITY_ADMIN) and an {@code auditor} (AUDITOR) while no account holds those roles ({@code
 * KB_SECADMIN_PASSWORD}, {@code KB_AUDITOR_PASSWORD} in production). Existing accounts are never touched.
 */
@Component
public class AccountSeeder {

    private static final Logger log = LoggerFactory.getLogger(AccountSeeder.class);

    /** The demo accounts' passwords, published in the README: never acceptable in production. */
    static final Map<String, String> DEMO_PASSWORDS = Map.of(
            "admin", "admin-demo-2026",
            "expert", "expert-demo-2026",
            "expert2", "expert2-demo-2026",
            "vendor", "vendor-demo-2026",
            "user", "user-demo-2026",
            "secadmin", "secadmin-demo-2026",
            "auditor", "auditor-demo-2026");

    private final AccountService accounts;
    private final KbProperties props;

    AccountSeeder(AccountService accounts, KbProperties props) {
        this.accounts = accounts;
        this.props = props;
    }

    public Mono<Void> seed() {
        Flux<AccountService.NewUser> wanted;
        if (props.seed().demoAccounts()) {
            wanted = Flux.just(
                    new AccountService.NewUser(
                            "admin",
                            DEMO_PASSWORDS.get("admin"),
                            "系统管理员",
                            "admin@kb.example",
                            "0571-00000001",
                            "市大数据中心",
                            null,
                            "示例路1号",
                            Set.of(Role.ADMIN)),
                    new AccountService.NewUser(
                            "expert",
                            DEMO_PASSWORDS.get("expert"),
                            "值班专家",
                            "expert@kb.example",
                            "0571-00000002",
                            "市大数据中心运维部",
                            null,
                            "示例路1号",
                            Set.of(Role.EXPERT)),
                    new AccountService.NewUser(
                            "expert2",
                            DEMO_PASSWORDS.get("expert2"),
                            "二线专家",
                            "expert2@kb.example",
                            "0571-00000004",
                            "市大数据中心运维部",
                            null,
                            "示例路1号",
                            Set.of(Role.EXPERT)),
                    new AccountService.NewUser(
                            "vendor",
                            DEMO_PASSWORDS.get("vendor"),
                            "厂商支持",
                            "vendor@example-tech.example",
                            "400-000-0000",
                            "示例科技有限公司",
                            null,
                            "示例园区3号",
                            Set.of(Role.EXPERT)),
                    new AccountService.NewUser(
                            "user",
                            DEMO_PASSWORDS.get("user"),
                            "普通用户",
                            "user@kb.example",
                            "0571-00000003",
                            "市政务服务中心",
                            null,
                            "示例路2号",
                            Set.of(Role.USER)));
        } else if (props.seed().adminPassword() != null
                && !props.seed().adminPassword().isBlank()) {
            wanted = Flux.just(new AccountService.NewUser(
                    "admin",
                    props.seed().adminPassword(),
                    "Administrator",
                    null,
                    null,
                    null,
                    null,
                    null,
                    Set.of(Role.ADMIN)));
        } else {
            wanted = Flux.empty();
        }
        boolean demo = props.seed().demoAccounts();
        return wanted.concatMap(this::createIfMissing)
                .then(firstHolder(
                        Role.SECURITY_ADMIN,
                        "secadmin",
                        demo ? DEMO_PASSWORDS.get("secadmin") : props.seed().secadminPassword(),
                        demo ? "安全管理员" : "Security administrator"))
                .then(firstHolder(
                        Role.AUDITOR,
                        "auditor",
                        demo ? DEMO_PASSWORDS.get("auditor") : props.seed().auditorPassword(),
                        demo ? "安全审计员" : "Auditor"));
    }

    private Mono<Boolean> createIfMissing(AccountService.NewUser u) {
        return accounts.byUsername(u.username())
                .map(x -> false)
                .onErrorResume(e -> accounts.seed(u, !props.seed().demoAccounts())
                        .doOnNext(x -> log.info("Created account '{}'", u.username()))
                        .thenReturn(true));
    }

    /**
     * The first account of a separated duty: created only while no account holds the role, so an installation
     * from before the separation (where {@code admin} did everything) gains its security admin and auditor at the
     * next start without anyone being locked out, and a later rename or removal is never undone.
     */
    private Mono<Void> firstHolder(Role role, String username, String password, String displayName) {
        if (password == null || password.isBlank()) {
            return Mono.empty();
        }
        return accounts.all()
                .any(u -> u.roles().contains(role))
                .flatMap(held -> held
                        ? Mono.empty()
                        : accounts.byUsername(username)
                                .doOnNext(x -> log.warn(
                                        "No account holds {} and the name '{}' is taken: create one by hand",
                                        role,
                                        username))
                                .then()
                                .onErrorResume(e -> createIfMissing(new AccountService.NewUser(
                                                username,
                                                password,
                                                displayName,
                                                null,
                                                null,
                                                null,
                                                null,
                                                null,
                                                Set.of(role)))
                                        .then()));
    }
}
