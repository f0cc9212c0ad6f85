package org.salwledger.api;

/** The consignment contract in every build, at a size that still spans many query chunks and batches. */
class ConsignmentTest extends ConsignmentContract {
    @Override
    int size() {
        return 600;
    }
}
