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
 * an {@code admin} whose initial password comes from the environment ({@code KB_ADMIN_PASSWORD}).
 * Existing accounts are never touched.
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
            "user", "user-demo-2026");

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
        return wanted.concatMap(u -> accounts.byUsername(u.username())
                        .map(x -> false)
                        .onErrorResume(e -> accounts.create(u)
                                .doOnNext(x -> log.info("Created account '{}'", u.username()))
                                .thenReturn(true)))
                .then();
    }
}
