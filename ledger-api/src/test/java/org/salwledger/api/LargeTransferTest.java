package org.salwledger.api;

import org.junit.jupiter.api.Tag;

/**
 * The consignment contract at the size DESIGN.md allows (10,000 items): a load test, not part of
 * {@code mvn test}; README "Performance" says how to run it. {@code -Dledger.test.transfer-size=N}
 * changes the size.
 */
@Tag("large")
class LargeTransferTest extends ConsignmentContract {
    @Override
    int size() {
        return Integer.getInteger("ledger.test.transfer-size", 10_000);
    }
}
