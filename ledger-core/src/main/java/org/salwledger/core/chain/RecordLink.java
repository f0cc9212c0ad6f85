package org.salwledger.core.chain;

/**
 * Where an event sits in its stream's hash chain: the parts of its ledger record that are not
 * domain facts, and the record's hash. Carried inside every event so the chain travels with it.
 */
public record RecordLink(String stream, long sequence, String envelopeHash, String occurredAt, String recordedAt,
                         String prevHash, String hash) {
}
