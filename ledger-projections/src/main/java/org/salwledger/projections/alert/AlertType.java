package org.salwledger.projections.alert;

/**
 * The diversion red flags of the issue: what raises each and what resolves it. Some are raised by one
 * record as it is projected; the others by the sweep, from the views and the time ({@link AlertSweep}),
 * or (a trace hit) from what the views had seen when a record arrived.
 */
public enum AlertType {
    /** A transfer not received by its due date; resolved by its receipt or rejection. */
    TRANSFER_OVERDUE(false),
    /** A command refused because an item is lost or stolen; resolved when the item is recovered. */
    REFUSED_LOST_OR_STOLEN(false),
    /** An IMPORT, STATE_TO_CIVILIAN or CONFISCATION mark missing after the configured days; resolved by the mark (or destruction). */
    MARK_MISSING(false),
    /** A lost or stolen item recovered; resolved once it is confiscation-marked or destroyed (ITI 9). */
    LOST_OR_STOLEN_RECOVERED(true),
    /** An item recovered after it was recorded destroyed; stays open: it is evidence of destruction fraud. */
    RECOVERED_AFTER_DESTRUCTION(true),
    /** Items missing from a partial receipt; resolved when the item is recovered. */
    MISSING_FROM_RECEIPT(true),
    /** A trace request not acknowledged in time; resolved by the acknowledgement. */
    TRACE_UNACKNOWLEDGED(false),
    /** A trace request not answered in time (or past its DELAYED date); resolved by an answer. */
    TRACE_UNANSWERED(false),
    /** The requested State asked the requester for information that has not come in time; resolved when it comes or by an answer. */
    TRACE_INFORMATION_OVERDUE(false),
    /** A mark matching a trace answered NOT_FOUND was registered; for the requester. */
    TRACE_HIT(false);

    private final boolean rebuiltFromRecords;

    AlertType(boolean rebuiltFromRecords) {
        this.rebuiltFromRecords = rebuiltFromRecords;
    }

    /** Raised from one record alone, so a views rebuild raises it again the same; a rebuild keeps the others. */
    public boolean rebuiltFromRecords() {
        return rebuiltFromRecords;
    }
}
