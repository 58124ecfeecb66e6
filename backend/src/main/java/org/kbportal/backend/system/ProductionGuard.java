package org.kbportal.backend.system;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The prod profile refuses to start without the initial admin, security admin and auditor passwords and with an
 * H2 database.
 */
@Component
@Profile("prod")
class ProductionGuard implements InitializingBean {

    private final KbProperties props;
    private final String dbUrl;

    ProductionGuard(
            KbProperties props, @org.springframework.beans.factory.annotation.Value("${kb.db.url}") String dbUrl) {
        this.props = props;
        this.dbUrl = dbUrl;
    }

    @Override
    public void afterPropertiesSet() {
        if (props.seed().adminPassword() == null || props.seed().adminPassword().isBlank()) {
            throw new IllegalStateException(
                    "The prod profile needs KB_ADMIN_PASSWORD (the initial admin password) in the environment.");
        }
        if (props.seed().adminPassword().length() < 12) {
            throw new IllegalStateException("KB_ADMIN_PASSWORD must have at least 12 characters.");
        }
        // the separated duties' first accounts follow the same rules (AccountSeeder creates them when nobody
        // holds the role; an installation that has such accounts still names the variables, like KB_ADMIN_PASSWORD)
        required("KB_SECADMIN_PASSWORD", props.seed().secadminPassword());
        required("KB_AUDITOR_PASSWORD", props.seed().auditorPassword());
        if (!dbUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("The prod profile needs PostgreSQL: set KB_DB_URL=jdbc:postgresql://...");
        }
    }

    private static void required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("The prod profile needs " + name + " in the environment.");
        }
        if (value.length() < 12) {
            throw new IllegalStateException(name + " must have at least 12 characters.");
        }
    }
}
