package org.salwledger.api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

class PostgresIntegrityRestartTest extends IntegrityRestartContract {
    private final EmbeddedPostgresServer.Database database = EmbeddedPostgresServer.newDatabase();

    @Override
    String[] databaseArguments() {
        return new String[] {"--spring.profiles.active=postgres", "--LEDGER_DB_URL=" + database.url(),
                "--LEDGER_DB_USER=" + database.user(), "--LEDGER_DB_PASSWORD=" + database.password()};
    }

    @Override
    Connection openDatabase() throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    @Override
    void dropGuards(Statement sql) throws SQLException {
        for (String table : H2LogTamperTest.GUARDED) {
            sql.execute("DROP TRIGGER " + table + "_append_only ON " + table);
        }
        for (String table : H2LogTamperTest.GUARDED) {
            sql.execute("DROP TRIGGER IF EXISTS " + table + "_no_truncate ON " + table);
        }
    }
}
