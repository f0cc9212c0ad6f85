package org.salwledger.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The baseline: plain Axon (the ledger's version) in process, unsigned create commands, the same JDBC
 * event store with the ledger's own schema on the same kind of database. No HTTP, no signatures, no
 * hash chain, no views, no log: what the ledger adds is the difference.
 */
final class PlainAxon implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Configuration axon;

    PlainAxon(Store store) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(store.url());
        pool.setUsername(store.user());
        pool.setPassword(store.password());
        pool.setMaximumPoolSize(20);
        this.dataSource = new HikariDataSource(pool);
        createSchema();
        SpringTransactionManager transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                        new SpringDataSourceConnectionProvider(dataSource)))
                .transactionManager(transactions).eventSerializer(serializer).snapshotSerializer(serializer).build();
        this.axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> engine)
                .configureTransactionManager(c -> transactions)
                .configureSerializer(c -> serializer)
                .configureAggregate(Pistol.class)
                .buildConfiguration();
        axon.start();
    }

    /** The ledger's Flyway migration for Axon's tables, so both sides write the same rows and indexes. */
    private void createSchema() {
        try (InputStream in = PlainAxon.class.getResourceAsStream("/db/migration/V1__axon_event_store.sql");
             Connection c = dataSource.getConnection(); var statement = c.createStatement()) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            for (String part : sql.split(";")) {
                if (!part.isBlank()) {
                    statement.execute(part);
                }
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot create Axon's tables", e);
        }
    }

    /** Sends one create command and waits for its commit. */
    void create(int i) {
        CommandGateway gateway = axon.commandGateway();
        gateway.sendAndWait(new ManufacturePistol(UUID.randomUUID().toString(), "Bench", "B-" + i, "9x19mm"));
    }

    @Override
    public void close() {
        axon.shutdown();
        dataSource.close();
    }

    record ManufacturePistol(@TargetAggregateIdentifier String itemId, String make, String model, String calibre) {}

    record PistolManufactured(String itemId, String make, String model, String calibre) {}

    static class Pistol {
        @AggregateIdentifier
        private String itemId;

        Pistol() {
        }

        @CommandHandler
        Pistol(ManufacturePistol command) {
            apply(new PistolManufactured(command.itemId(), command.make(), command.model(), command.calibre()));
        }

        @EventSourcingHandler
        void on(PistolManufactured event) {
            this.itemId = event.itemId();
        }
    }
}
