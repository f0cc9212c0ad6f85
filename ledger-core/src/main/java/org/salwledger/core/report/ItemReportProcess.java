package org.salwledger.core.report;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.salwledger.core.command.Refusal;
import org.salwledger.core.item.Item;
import org.salwledger.core.item.ItemLoader;
import org.salwledger.core.item.command.ItemReport;
import org.salwledger.core.item.command.LeaveHost;
import org.salwledger.core.item.command.RecoverItems;
import org.salwledger.core.item.command.ReleasePart;
import org.salwledger.core.item.command.ReportOnItem;
import org.salwledger.core.item.command.ReportRecovered;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A part installed in a host moves with it: what is reported lost, stolen, recovered or seized is the
 * host with everything in it. Each part's own stream records the same report.
 */
public class ItemReportProcess {
    /** As many items as one transfer may carry; a recovery names what an authority can list by hand. */
    private static final int MAX_NAMED = 10_000;

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

    @CommandHandler
    public void handle(RecoverItems command) {
        ReportRecovered report = command.report();
        List<String> named = new ArrayList<>();
        named.add(report.itemId());
        named.addAll(command.alsoRecovered());
        if (named.size() > MAX_NAMED || new HashSet<>(named).size() != named.size()) {
            throw Refusal.invalid("invalid-field", "'alsoRecovered' names each item once, not the reported item "
                    + "itself, and at most " + (MAX_NAMED - 1) + " items");
        }
        Map<String, Aggregate<Item>> recovered = items.loadAll(named);
        Map<String, ItemLoader.Follower> parts = items.partsInside(recovered);
        Set<String> absent = absentParts(command.partsMissing(), parts);
        named.stream().filter(absent::contains).findFirst().ifPresent(id -> {
            throw Refusal.invalid("invalid-field", "item " + id + " is named as recovered and as missing");
        });
        Map<String, Aggregate<Item>> found = new LinkedHashMap<>();
        recovered.forEach((id, item) -> {
            if (!parts.containsKey(id)) {
                found.put(id, item);
            }
        });
        parts.forEach((id, follower) -> {
            if (!absent.contains(id)) {
                found.put(id, follower.part());
            }
        });
        found.forEach((id, item) -> item.execute(report.about(id)::applyTo));
        for (String missing : command.partsMissing()) {
            ItemLoader.Follower follower = parts.get(missing);
            Aggregate<Item> host = found.get(follower.hostId());
            host.execute(h -> h.handle(new ReleasePart(follower.hostId(), missing, report.origin())));
            follower.part().execute(p -> p.handle(new LeaveHost(missing, follower.hostId(), report.origin())));
        }
    }

    /** The missing parts and everything installed in them: they are wherever the missing part is. */
    private static Set<String> absentParts(List<String> partsMissing, Map<String, ItemLoader.Follower> parts) {
        for (String missing : partsMissing) {
            if (!parts.containsKey(missing)) {
                throw Refusal.unprocessable("part-not-installed", "item " + missing
                        + " is not installed in any recovered item; only an installed part can be missing from it");
            }
        }
        Set<String> absent = new LinkedHashSet<>(partsMissing);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, ItemLoader.Follower> part : parts.entrySet()) {
                if (absent.contains(part.getValue().hostId()) && absent.add(part.getKey())) {
                    grew = true;
                }
            }
        }
        for (String missing : partsMissing) {
            if (absent.contains(parts.get(missing).hostId())) {
                throw Refusal.invalid("invalid-field", "'partsMissing' names " + missing
                        + ", which is inside another missing part; name the outermost missing part only");
            }
        }
        return absent;
    }
}
