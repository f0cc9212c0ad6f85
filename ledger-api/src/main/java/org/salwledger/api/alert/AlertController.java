package org.salwledger.api.alert;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.salwledger.core.command.Refusal;
import org.salwledger.api.auth.Reader;
import org.salwledger.core.command.Role;
import org.salwledger.projections.alert.AlertQueries;
import org.salwledger.projections.alert.AlertType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;

/**
 * Diversion red flags. Investigators, law enforcement and auditors see every alert but confidential
 * trace alerts that are not theirs; an AUTHORITY the alerts of its State; others the alerts about themselves.
 */
@RestController
@RequestMapping("/api/v1/alerts")
@Tag(name = "alerts")
public class AlertController {
    private final AlertQueries alerts;

    public record Alerts(int page, int size, List<AlertQueries.Alert> alerts) {}

    private static final long MAX_OFFSET = 1_000_000;

    public AlertController(AlertQueries alerts) {
        this.alerts = alerts;
    }

    @GetMapping
    @Operation(summary = "Diversion alerts with their items and facts; status OPEN (default), RESOLVED or ALL")
    public Alerts list(@RequestParam(name = "type", required = false) String type,
                       @RequestParam(name = "status", defaultValue = "OPEN") String status,
                       @RequestParam(name = "itemId", required = false) String itemId,
                       @RequestParam(name = "page", defaultValue = "0") int page,
                       @RequestParam(name = "size", defaultValue = "50") int size,
                       Reader reader) {
        if (reader.role() == Role.ADMIN) {
            throw Refusal.forbidden("role-not-allowed", "the administrator manages actors and reads no alerts");
        }
        if (type != null && Arrays.stream(AlertType.values()).noneMatch(t -> t.name().equals(type))) {
            throw Refusal.invalid("invalid-query", "'type' must be one of " + Arrays.toString(AlertType.values()));
        }
        if (!List.of("OPEN", "RESOLVED", "ALL").contains(status)) {
            throw Refusal.invalid("invalid-query", "'status' must be OPEN, RESOLVED or ALL");
        }
        if (page < 0 || size < 1 || size > 200 || (long) page * size > MAX_OFFSET) {
            throw Refusal.invalid("invalid-query", "page >= 0 and size 1-200, within the first " + MAX_OFFSET
                    + " alerts (narrow the filter to go further)");
        }
        boolean all = reader.role() == Role.INVESTIGATOR || reader.role() == Role.LAW_ENFORCEMENT
                || reader.role() == Role.AUDITOR;
        AlertQueries.Audience audience = new AlertQueries.Audience(reader.actorId(),
                reader.role() == Role.AUTHORITY ? reader.country() : null, all);
        return new Alerts(page, size, alerts.find(new AlertQueries.Filter(type, status.equals("ALL") ? null : status,
                itemId, audience, page * size, size)));
    }
}
