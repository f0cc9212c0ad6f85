package org.salwledger.projections.alert;

/** The diversion red flags of the issue: what raises each and what resolves it. */
public enum AlertType {
    /** A transfer not received by its due date; resolved by its receipt or rejection. */
    TRANSFER_OVERDUE,
    /** A command refused because an item is lost or stolen; resolved when the item is recovered. */
    REFUSED_LOST_OR_STOLEN,
    /** An IMPORT, STATE_TO_CIVILIAN or CONFISCATION mark missing after the configured days; resolved by the mark (or destruction). */
    MARK_MISSING,
    /** A lost or stolen item recovered; resolved once it is confiscation-marked or destroyed (ITI 9). */
    LOST_OR_STOLEN_RECOVERED,
    /** An item recovered after it was recorded destroyed; stays open: it is evidence of destruction fraud. */
    RECOVERED_AFTER_DESTRUCTION,
    /** Items missing from a partial receipt; resolved when the item is recovered. */
    MISSING_FROM_RECEIPT,
    /** A trace request not acknowledged in time; resolved by the acknowledgement. */
    TRACE_UNACKNOWLEDGED,
    /** A trace request not answered in time (or past its DELAYED date); resolved by an answer. */
    TRACE_UNANSWERED,
    /** The requested State asked the requester for information that has not come in time; resolved when it comes or by an answer. */
    TRACE_INFORMATION_OVERDUE,
    /** A mark matching a trace answered NOT_FOUND was registered; for the requester. */
    TRACE_HIT
}
