package org.salwledger.projections.actor;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.salwledger.core.actor.ActorRegistered;
import org.salwledger.projections.LedgerViews;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
@ProcessingGroup(LedgerViews.PROCESSING_GROUP)
public class ActorProjection {
    private final JdbcTemplate jdbc;

    public ActorProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ActorRegistered event) {
        jdbc.update("DELETE FROM actor_view WHERE actor_id = ?", event.actorId());
        jdbc.update("INSERT INTO actor_view (actor_id, name, role, country) VALUES (?, ?, ?, ?)",
                event.actorId(), event.name(), event.role().name(), event.country());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE TABLE actor_view");
    }
}
