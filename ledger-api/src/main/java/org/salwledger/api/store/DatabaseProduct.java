package org.salwledger.api.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Which of the two stores the ledger writes to, for the few places whose best statement differs between them. */
public final class DatabaseProduct {
    private DatabaseProduct() {
    }

    public static boolean isH2(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "H2".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database the ledger writes to", e);
        }
    }
}
