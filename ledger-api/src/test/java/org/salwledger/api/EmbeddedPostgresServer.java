package org.salwledger.api;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A real PostgreSQL server from Maven Central binaries (no Docker), one per test JVM; each test
 * context gets a database of its own, reached through the 'postgres' profile's variables.
 */
final class EmbeddedPostgresServer {
    private EmbeddedPostgresServer() {}

    private static final class Holder {
        static final EmbeddedPostgres SERVER = start();
    }

    private static EmbeddedPostgres start() {
        try {
            // Stopped by Spring Boot's shutdown hook after it closed every cached test context, not by zonky's own
            // JVM hook (on by default): that one ran beside Spring's, stopped the server under the contexts'
            // processors, which then waited 30 s for connections, and surefire killed the fork at the end of
            // every mvn test.
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            });
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    /** A database of its own on the shared server. */
    record Database(String url, String user, String password) {}

    static Database newDatabase() {
        EmbeddedPostgres server = Holder.SERVER;
        String database = "ledger_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var connection = server.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database", e);
        }
        return new Database(server.getJdbcUrl("postgres", database), "postgres", "postgres");
    }

    static void registerNewDatabase(DynamicPropertyRegistry registry) {
        Database database = newDatabase();
        registry.add("LEDGER_DB_URL", database::url);
        registry.add("LEDGER_DB_USER", database::user);
        registry.add("LEDGER_DB_PASSWORD", database::password);
    }
}
