package org.salwledger.projections.composition;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.salwledger.core.item.event.PartAssembled;
import org.salwledger.core.item.event.PartDetached;
import org.salwledger.projections.LedgerViews;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/** Installation periods of parts in hosts, from the hosts' records. */
@Component
@ProcessingGroup(LedgerViews.PROCESSING_GROUP)
public class CompositionProjection {
    private final JdbcTemplate jdbc;

    public CompositionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PartAssembled e) {
        Timestamp at = Timestamp.from(Instant.parse(e.link().recordedAt()));
        jdbc.update("INSERT INTO composition (host_id, part_id, assembled_at, assembled_hash) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING",
                e.hostId(), e.partId(), at, e.link().hash());
    }

    @EventHandler
    void on(PartDetached e) {
        jdbc.update("UPDATE composition SET detached_at = ?, detached_hash = ? WHERE host_id = ? AND part_id = ? "
                        + "AND detached_at IS NULL",
                Timestamp.from(Instant.parse(e.link().recordedAt())), e.link().hash(), e.hostId(), e.partId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE TABLE composition");
    }
}
