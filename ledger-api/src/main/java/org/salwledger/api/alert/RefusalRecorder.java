package org.salwledger.api.alert;

import org.salwledger.api.intake.RefusalListener;
import org.salwledger.api.intake.SignedCommand;
import org.salwledger.core.command.ItemRefusal;
import org.salwledger.core.command.Refusal;
import org.salwledger.core.transfer.DispatchRefused;
import org.salwledger.projections.alert.AlertSweep;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Keeps, outside the rolled-back command, that someone tried to act on an item that is lost or
 * stolen: the alert scanner turns it into a red flag while the item stays missing.
 */
@Component
public class RefusalRecorder implements RefusalListener {
    private static final Set<String> MISSING = Set.of("item-lost", "item-stolen");

    private final AlertSweep sweep;
    private final Clock clock;

    public RefusalRecorder(AlertSweep sweep, Clock clock) {
        this.sweep = sweep;
        this.clock = clock;
    }

    @Override
    public void refused(SignedCommand<?> command, RuntimeException failure) {
        Refusal violation = Refusal.foundIn(failure);
        if (violation == null) {
            return;
        }
        List<String> items = new ArrayList<>();
        if (violation instanceof DispatchRefused refused) {
            refused.refusals().stream().filter(r -> MISSING.contains(r.code())).map(ItemRefusal::itemId).forEach(items::add);
        } else if (MISSING.contains(violation.code()) && violation.subject() != null) {
            items.add(violation.subject());
        }
        Instant at = clock.instant();
        for (String item : items) {
            String code = violation instanceof DispatchRefused refused ? refused.refusals().stream()
                    .filter(r -> r.itemId().equals(item)).findFirst().map(ItemRefusal::code).orElse(violation.code())
                    : violation.code();
            sweep.recordRefusal(item, code, command.signer().actorId(), command.signer().country(),
                    command.header().type(), at);
        }
    }
}
