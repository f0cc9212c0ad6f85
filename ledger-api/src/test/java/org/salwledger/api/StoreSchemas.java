package org.salwledger.api;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.UUID;

/**
 * A fresh database of either store with the service's migrations, for tests of one class against both: H2 in memory
 * in the service's dialect, or a database of its own on the shared embedded PostgreSQL.
 */
public final class StoreSchemas {
    private StoreSchemas() {
    }

    /** {@code store}: {@code h2} or {@code postgresql}; with the append-only guards of {@code db/vendor/<store>}. */
    public static DriverManagerDataSource guarded(String store) {
        return migrated(store, "classpath:db/migration", "classpath:db/vendor/" + store);
    }

    /** The shared schema only: a test that deletes rows behind the service's back needs it without the guards. */
    public static DriverManagerDataSource unguarded(String store) {
        return migrated(store, "classpath:db/migration");
    }

    private static DriverManagerDataSource migrated(String store, String... locations) {
        DriverManagerDataSource dataSource;
        if (store.equals("h2")) {
            dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                    + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
        } else {
            EmbeddedPostgresServer.Database database = EmbeddedPostgresServer.newDatabase();
            dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        }
        Flyway.configure().dataSource(dataSource).locations(locations).load().migrate();
        return dataSource;
    }
}
