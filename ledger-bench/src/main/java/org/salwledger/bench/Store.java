package org.salwledger.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Where one measurement stores its events: a fresh H2 file with the ledger's own settings, or a fresh
 * database on a real PostgreSQL server. The plain Axon baseline and the ledger get one each, alike.
 */
sealed interface Store {
    String name();

    String url();

    String user();

    String password();

    /** The environment that points a ledger node at this store. */
    Map<String, String> ledgerEnvironment();

    /** Bytes the store takes on disk now, tables and indexes included. */
    long bytesOnDisk();

    /**
     * Bytes it takes at rest, once nothing writes to it: H2 keeps the pages each commit replaced until its
     * retention time ends and never shrinks the file while open, so it is measured after {@code SHUTDOWN
     * COMPACT}; PostgreSQL updates in place, so its size now is its size at rest.
     */
    default long bytesAtRest() throws java.sql.SQLException {
        return bytesOnDisk();
    }

    record H2(Path dir) implements Store {
        /**
         * The ledger's H2 settings (application.yml), with {@code WRITE_DELAY=0}: plain Axon answers each command at
         * its commit, so H2 must write at each commit for the baseline to pay for the durability the ledger pays
         * for (the ledger has H2 write each command group before it answers: {@code DurableCommits}). The ledger
         * also flushes the file to the disk then; the baseline does not (one fsync per group, ~0.2 ms on the
         * machine measured).
         */
        static final String SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "LOCK_TIMEOUT=10000;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;RETENTION_TIME=5000";

        public String name() {
            return "H2";
        }

        public String url() {
            return "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath() + SETTINGS;
        }

        public String user() {
            return "sa";
        }

        public String password() {
            return "";
        }

        /** Nothing beyond the data directory the node is started with. */
        public Map<String, String> ledgerEnvironment() {
            return Map.of();
        }

        /** Only once the node or the baseline that held the file has stopped. */
        @Override
        public long bytesAtRest() throws java.sql.SQLException {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(url(), user(), password())) {
                c.createStatement().execute("SHUTDOWN COMPACT");
            }
            return bytesOnDisk();
        }

        public long bytesOnDisk() {
            try (Stream<Path> files = Files.walk(dir)) {
                return files.filter(f -> f.getFileName().toString().endsWith(".db")).mapToLong(f -> {
                    try {
                        return Files.size(f);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).sum();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    record Postgres(String url, String database) implements Store {
        private static final class Server {
            static final EmbeddedPostgres INSTANCE = start();

            private static EmbeddedPostgres start() {
                try {
                    // zonky's test defaults run PostgreSQL with fsync and synchronous_commit off: a commit would be
                    // answered before its WAL reached the disk, which no ledger in production does (figures before
                    // 2026-12-06 in README were measured so)
                    EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("fsync", "on")
                            .setServerConfig("synchronous_commit", "on").start();
                    requireDurableCommits(server);
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            server.close();
                        } catch (IOException ignored) {
                            // exiting
                        }
                    }));
                    return server;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
                }
            }
        }

        private static void requireDurableCommits(EmbeddedPostgres server) {
            try (Connection c = server.getPostgresDatabase().getConnection(); var statement = c.createStatement()) {
                for (String setting : new String[] {"fsync", "synchronous_commit"}) {
                    try (var rs = statement.executeQuery("SHOW " + setting)) {
                        rs.next();
                        if (!"on".equals(rs.getString(1))) {
                            throw new IllegalStateException("the bench's PostgreSQL runs with " + setting + " = "
                                    + rs.getString(1) + "; its figures would not be for durable commits");
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        static Postgres fresh() {
            String database = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = Server.INSTANCE.getPostgresDatabase().getConnection();
                 var statement = c.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return new Postgres(Server.INSTANCE.getJdbcUrl("postgres", database), database);
        }

        public String name() {
            return "PostgreSQL";
        }

        public String user() {
            return "postgres";
        }

        public String password() {
            return "postgres";
        }

        public Map<String, String> ledgerEnvironment() {
            return Map.of("SPRING_PROFILES_ACTIVE", "postgres", "LEDGER_DB_URL", url, "LEDGER_DB_USER", user(),
                    "LEDGER_DB_PASSWORD", password());
        }

        public long bytesOnDisk() {
            try (Connection c = DriverManager.getConnection(url, user(), password());
                 var rs = c.createStatement().executeQuery("SELECT pg_database_size(current_database())")) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
