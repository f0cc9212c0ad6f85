package org.salwledger.core.item;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;

import java.util.Map;

/**
 * A part installed in a host moves with it: what is reported lost, stolen, recovered or seized is the
 * host with everything in it. Each part's own stream records the same report.
 */
public class ItemReportProcess {
    private final ItemLoader items;

    public ItemReportProcess(ItemLoader items) {
        this.items = items;
    }

    @CommandHandler
    public void handle(ReportOnItem command) {
        ItemReport report = command.report();
        Aggregate<Item> host = items.load(report.itemId());
        Map<String, ItemLoader.Follower> parts = items.partsInside(Map.of(report.itemId(), host));
        host.execute(report::applyTo);
        parts.forEach((partId, follower) -> follower.part().execute(report.about(partId)::applyTo));
    }
}
