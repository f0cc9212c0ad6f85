package org.salwledger.api.config;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;

/** H2's append-only guard (PostgreSQL uses a plpgsql function): every UPDATE or DELETE is refused. */
public class AppendOnlyTrigger implements Trigger {
    private String table;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("append-only ledger: " + (newRow == null ? "DELETE" : "UPDATE") + " on " + table
                + " refused", "27000");
    }
}
