package org.kbportal.backend.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The prod profile refuses to start while an enabled account still signs in with a password the
 * README publishes (the demo accounts of a first start without the prod profile survive a later
 * switch to it). Runs once at start-up, after the migrations and before the web server opens, on
 * Flyway's JDBC connection: nothing reactive is running yet, so this blocking check delays nothing
 * but the start. Only the demo user names are checked (a handful of bcrypt checks, not one per user).
 */
@Component
@Profile("prod")
class DemoPasswordGuard implements InitializingBean {

    private final DataSource db;
    private final PasswordEncoder encoder;

    // the initializer is injected so the migrations have run (app_user exists) before the check
    DemoPasswordGuard(Flyway flyway, FlywayMigrationInitializer migrated, PasswordEncoder encoder) {
        this.db = flyway.getConfiguration().getDataSource();
        this.encoder = encoder;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        List<String> found = accountsWithDemoPasswords(db, encoder, AccountSeeder.DEMO_PASSWORDS);
        if (!found.isEmpty()) {
            throw new IllegalStateException("The prod profile refuses to start: the account(s) " + found
                    + " still have the published demo password (README, 'Demo accounts'). Change their passwords"
                    + " (PUT /api/admin/users/{id} with a new \"password\") or disable them (\"enabled\": false)"
                    + " in a start without the prod profile, then start with the prod profile again.");
        }
    }

    /** The enabled accounts, by name, whose password is one of the published ones. */
    static List<String> accountsWithDemoPasswords(DataSource db, PasswordEncoder encoder, Map<String, String> published)
            throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT username, password_hash FROM app_user WHERE enabled = TRUE AND username = ?")) {
            for (String name : published.keySet().stream().sorted().toList()) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && matchesAny(encoder, rs.getString(2), published.values())) {
                        found.add(rs.getString(1));
                    }
                }
            }
        }
        return found;
    }

    private static boolean matchesAny(PasswordEncoder encoder, String hash, Iterable<String> passwords) {
        for (String p : passwords) {
            if (hash != null && encoder.matches(p, hash)) {
                return true;
            }
        }
        return false;
    }
}
