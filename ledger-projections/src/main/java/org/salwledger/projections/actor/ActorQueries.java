package org.salwledger.projections.actor;

import org.salwledger.core.command.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

@Component
public class ActorQueries {
    private final JdbcTemplate jdbc;

    public record ActorView(String actorId, String name, Role role, String country) {}

    public ActorQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ActorView> find(String actorId) {
        return jdbc.query("SELECT actor_id, name, role, country FROM actor_view WHERE actor_id = ?",
                (rs, i) -> new ActorView(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getString(4)),
                actorId).stream().findFirst();
    }
}
