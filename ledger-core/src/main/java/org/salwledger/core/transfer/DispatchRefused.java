package org.salwledger.core.transfer;

import org.salwledger.core.command.Refusal;
import org.salwledger.core.command.ItemRefusal;

import java.util.List;

/** All or nothing: the dispatch is refused and every offending item is named. */
public class DispatchRefused extends Refusal {
    private final List<ItemRefusal> refusals;

    public DispatchRefused(List<ItemRefusal> refusals) {
        super(Kind.UNPROCESSABLE, "dispatch-refused", refusals.size() + " item(s) may not be dispatched: "
                + refusals.stream().limit(5).map(r -> r.itemId() + " (" + r.code() + ")").toList()
                + (refusals.size() > 5 ? " and more" : "") + "; nothing was dispatched");
        this.refusals = List.copyOf(refusals);
    }

    public List<ItemRefusal> refusals() {
        return refusals;
    }
}
