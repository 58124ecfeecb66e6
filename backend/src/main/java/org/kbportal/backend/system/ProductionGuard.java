package org.kbportal.backend.system;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The prod profile refuses to start without an initial admin password and with an H2 database. */
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
        if (!dbUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("The prod profile needs PostgreSQL: set KB_DB_URL=jdbc:postgresql://...");
        }
    }
}
