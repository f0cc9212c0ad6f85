package org.salwledger.api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/** SIGKILL of the service under load while PostgreSQL, a separate server, keeps running. */
class PostgresCrashTest extends CrashContract {
    private final EmbeddedPostgresServer.Database database = EmbeddedPostgresServer.newDatabase();

    @Override
    Map<String, String> environment() {
        return Map.of("SPRING_PROFILES_ACTIVE", "postgres", "LEDGER_DB_URL", database.url(),
                "LEDGER_DB_USER", database.user(), "LEDGER_DB_PASSWORD", database.password());
    }

    @Override
    Connection openDatabase() throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }
}
