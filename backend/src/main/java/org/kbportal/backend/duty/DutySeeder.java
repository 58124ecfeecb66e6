package org.kbportal.backend.duty;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.kbportal.backend.account.AccountService;
import org.kbportal.backend.account.UserAccount;
import org.kbportal.backend.system.KbProperties;
import org.kbportal.backend.system.StartupSeed;
import org.kbportal.contract.duty.Tier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Demo roster (with the demo accounts only): {@code expert} is L1 on duty 24×7 for every category,
 * {@code expert2} L2 on weekdays 08:00-20:00, {@code vendor} the L3 vendor contact on weekdays
 * 09:00-18:00. Experts already registered are left as they are.
 */
@Component
class DutySeeder implements StartupSeed {

    private static final Logger log = LoggerFactory.getLogger(DutySeeder.class);
    private static final List<String> ALL =
            List.of("network", "database", "software", "business", "security", "backup");

    private final DutyService duty;
    private final AccountService accounts;
    private final KbProperties props;

    DutySeeder(DutyService duty, AccountService accounts, KbProperties props) {
        this.duty = duty;
        this.accounts = accounts;
        this.props = props;
    }

    @Override
    public Mono<Void> seed() {
        if (!props.seed().demoAccounts()) {
            return Mono.empty();
        }
        return register("expert", Tier.L1, null, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, List.of(DayOfWeek.values()))
                .then(register("expert2", Tier.L2, null, LocalTime.of(8, 0), LocalTime.of(20, 0), weekdays()))
                .then(register(
                        "vendor",
                        Tier.L3,
                        "示例科技有限公司 (Example Tech Ltd.)",
                        LocalTime.of(9, 0),
                        LocalTime.of(18, 0),
                        weekdays()));
    }

    private static List<DayOfWeek> weekdays() {
        return List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    }

    private Mono<Void> register(
            String username, Tier tier, String org, LocalTime start, LocalTime end, List<DayOfWeek> days) {
        return accounts.byUsername(username)
                .map(UserAccount::id)
                .onErrorResume(e -> Mono.empty())
                .flatMap(id -> duty.findExpert(id)
                        .map(x -> false)
                        .switchIfEmpty(duty.save(id, tier, ALL, 10, org, true)
                                .thenMany(Flux.fromIterable(days)
                                        .concatMap(d -> duty.addShift(new Shift(0, id, d, start, end))))
                                .then(Mono.fromRunnable(() -> log.info("Registered demo expert '{}'", username)))
                                .thenReturn(true)))
                .then();
    }
}
