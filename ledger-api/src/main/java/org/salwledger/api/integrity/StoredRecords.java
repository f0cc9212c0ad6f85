package org.salwledger.api.integrity;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.salwledger.core.chain.LedgerEvent;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * One record read straight from the event store's table by (stream, sequence), without loading the
 * stream through Axon: the startup check runs before Axon's components start.
 */
@Component
public class StoredRecords {
    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public StoredRecords(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    public Optional<LedgerEvent> find(String stream, long sequence) {
        return jdbc.query("SELECT payload, payloadtype FROM domainevententry WHERE aggregateidentifier = ? "
                        + "AND sequencenumber = ?", (rs, i) -> deserialize(rs.getBytes(1), rs.getString(2)),
                stream, sequence).stream().findFirst();
    }

    private LedgerEvent deserialize(byte[] payload, String type) {
        Object event = serializer.deserialize(new SimpleSerializedObject<>(payload, byte[].class, type, null));
        if (!(event instanceof LedgerEvent ledgerEvent)) {
            throw new IllegalStateException("not a ledger record: " + type);
        }
        return ledgerEvent;
    }
}
