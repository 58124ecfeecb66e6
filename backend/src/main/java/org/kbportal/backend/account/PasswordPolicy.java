package org.kbportal.backend.account;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The password rules (等保 8.1.4.1 身份鉴别), checked whenever a password is set: by an administrator (create,
 * reset) and by its owner ({@code POST /api/auth/password}). Characters fall into four classes: lower case,
 * upper case, digits and everything else (punctuation, and CJK characters, which have no case).
 *
 * @param minLength fewest characters (code points)
 * @param minClasses fewest of the four character classes
 * @param history a new password may not be one of this many last passwords of the account (0: no check)
 * @param maxAge after this long a password must be changed at the next sign-in (0 or empty: never)
 * @param changeAfterAdminSet an account whose password an administrator set changes it at its first sign-in
 */
@ConfigurationProperties("kb.password")
public record PasswordPolicy(
        @DefaultValue("10") int minLength,
        @DefaultValue("3") int minClasses,
        @DefaultValue("5") int history,
        Duration maxAge,
        @DefaultValue("true") boolean changeAfterAdminSet) {

    /** A rule a password breaks: its code (for translations) and a sentence. */
    public record Violation(String rule, String message) {}

    /** The rules {@code password} breaks for the account {@code username} (the history is checked apart). */
    public List<Violation> violations(String username, String password) {
        List<Violation> found = new ArrayList<>();
        if (password.codePointCount(0, password.length()) < minLength) {
            found.add(new Violation("min-length", "at least " + minLength + " characters"));
        }
        if (classes(password) < minClasses) {
            found.add(new Violation(
                    "min-classes",
                    "at least " + minClasses
                            + " of: lower-case letters, upper-case letters, digits, other characters"));
        }
        if (username != null
                && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.strip().toLowerCase(Locale.ROOT))) {
            found.add(new Violation("no-username", "must not contain the user name"));
        }
        return found;
    }

    /** The violation of a password that is one of the last ones. */
    public Violation reused() {
        return new Violation("history", "must not be one of the last " + history + " passwords");
    }

    /** Whether a password set at {@code changedAt} has outlived {@link #maxAge} at {@code now}. */
    public boolean expired(java.time.Instant changedAt, java.time.Instant now) {
        return maxAge != null
                && !maxAge.isZero()
                && changedAt != null
                && changedAt.plus(maxAge).isBefore(now);
    }

    /** How many of the four classes (lower, upper, digit, other) the password uses. */
    static int classes(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int cp : password.codePoints().toArray()) {
            if (Character.isLowerCase(cp) && cp < 0x3000) {
                lower = true;
            } else if (Character.isUpperCase(cp) && cp < 0x3000) {
                upper = true;
            } else if (cp >= '0' && cp <= '9') {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
