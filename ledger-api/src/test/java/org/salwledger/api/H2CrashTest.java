package org.salwledger.api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/** SIGKILL under load on the embedded default: an H2 file in the data dir. */
class H2CrashTest extends CrashContract {
    @Override
    Map<String, String> environment() {
        return Map.of();
    }

    @Override
    Connection openDatabase() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("ledger") + ";MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE", "sa", "");
    }
}
