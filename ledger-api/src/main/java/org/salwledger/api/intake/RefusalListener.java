package org.salwledger.api.intake;

/**
 * Told of every signed command the ledger refused, after its transaction rolled back: what a refusal
 * means beyond the answer (an alert, a metric) belongs to the listener, not to intake.
 */
public interface RefusalListener {
    void refused(SignedCommand<?> command, RuntimeException failure);
}
