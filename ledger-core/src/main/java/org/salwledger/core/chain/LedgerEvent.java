package org.salwledger.core.chain;

/** An event that is a ledger record: its facts plus the link that chains it into its stream. */
public interface LedgerEvent {
    RecordLink link();

    /** The actor whose signed command stated this record (the ledger itself for bootstrap records). */
    String statedBy();
}
