package org.kbportal.backend.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy defaults = new PasswordPolicy(10, 3, 5, null, true);

    private java.util.List<String> broken(PasswordPolicy policy, String username, String password) {
        return policy.violations(username, password).stream()
                .map(PasswordPolicy.Violation::rule)
                .toList();
    }

    @Test
    void shouldAcceptTenCharactersOfThreeClassesWithoutTheUserName() {
        assertThat(broken(defaults, "zhang.san", "Spring-2026")).isEmpty();
        assertThat(broken(defaults, "zhang.san", "spring-2026x")).isEmpty();
    }

    @Test
    void shouldNameEveryRuleAPasswordBreaks() {
        assertThat(broken(defaults, "zhang.san", "short1A")).containsExactly("min-length");
        assertThat(broken(defaults, "zhang.san", "onlylowercase")).containsExactly("min-classes");
        assertThat(broken(defaults, "zhang.san", "abc")).containsExactly("min-length", "min-classes");
        assertThat(broken(defaults, "Zhang.San", "my-ZHANG.SAN-2026")).containsExactly("no-username");
    }

    @Test
    void shouldCountCjkCharactersAsOtherAndByCodePoint() {
        assertThat(PasswordPolicy.classes("密码")).isEqualTo(1);
        assertThat(PasswordPolicy.classes("密码Ab1")).isEqualTo(4);
        // nine code points are too few, whatever their bytes
        assertThat(broken(defaults, "li", "密码安全门户Ab1")).containsExactly("min-length");
        assertThat(broken(defaults, "li", "知识库门户的密码Ab1")).isEmpty();
        // Chinese characters alone are one class
        assertThat(broken(defaults, "li", "知识库门户的密码很长很长")).containsExactly("min-classes");
    }

    @Test
    void shouldFollowItsSettings() {
        PasswordPolicy strict = new PasswordPolicy(16, 4, 5, Duration.ofDays(90), true);
        assertThat(broken(strict, "li", "Spring-2026")).containsExactly("min-length");
        assertThat(broken(strict, "li", "spring-summer-2026")).containsExactly("min-classes");
        assertThat(broken(strict, "li", "Spring-summer-2026")).isEmpty();
        Instant set = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(strict.expired(set, set.plus(Duration.ofDays(89)))).isFalse();
        assertThat(strict.expired(set, set.plus(Duration.ofDays(91)))).isTrue();
        assertThat(defaults.expired(set, set.plus(Duration.ofDays(10_000)))).isFalse();
        assertThat(new PasswordPolicy(10, 3, 5, Duration.ZERO, true).expired(set, set.plus(Duration.ofDays(10_000))))
                .isFalse();
    }
}
