package org.salwledger.projections;

/** The one processing group of the read models: actors and items are projected in log order. */
public final class LedgerViews {
    public static final String PROCESSING_GROUP = "ledger-views";

    private LedgerViews() {}
}
