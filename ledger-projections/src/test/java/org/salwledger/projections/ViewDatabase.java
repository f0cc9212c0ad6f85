package org.salwledger.projections;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

/**
 * A fresh in-memory H2 database with exactly the tables this module owns (its migrations under
 * {@code db/migration}): views must not need the service's tables.
 */
public final class ViewDatabase {
    private ViewDatabase() {
    }

    public static JdbcTemplate fresh() {
        JdbcDataSource dataSource = new JdbcDataSource();
        // the service's H2 dialect: PostgreSQL mode, as application.yml sets it
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new JdbcTemplate(dataSource);
    }
}
