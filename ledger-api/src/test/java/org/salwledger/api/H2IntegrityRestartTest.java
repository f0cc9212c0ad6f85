package org.salwledger.api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

class H2IntegrityRestartTest extends IntegrityRestartContract {
    @Override
    String[] databaseArguments() {
        return new String[0];
    }

    @Override
    Connection openDatabase() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("ledger") + ";MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE", "sa", "");
    }

    @Override
    void dropGuards(Statement sql) throws SQLException {
        for (String table : H2LogTamperTest.GUARDED) {
            sql.execute("DROP TRIGGER " + table + "_append_only");
        }
        sql.execute("DROP TABLE append_only_truncate_guard");
    }
}
