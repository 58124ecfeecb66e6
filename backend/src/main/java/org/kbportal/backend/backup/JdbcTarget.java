package org.kbportal.backend.backup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The database behind {@code kb.db.url}, reached over JDBC for snapshots and restores. */
record JdbcTarget(String url, String username, String password) {

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username == null ? "" : username, password == null ? "" : password);
    }

    boolean isH2() {
        return url.startsWith("jdbc:h2:");
    }
}
