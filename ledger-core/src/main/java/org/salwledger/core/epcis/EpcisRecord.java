package org.salwledger.core.epcis;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A record of an item's stream as the export reads it: its place in the stream, its type and facts as
 * recorded, when it happened and when the ledger recorded it, its hash, and the sequence of the latest
 * record that corrected it (null when none did).
 */
public record EpcisRecord(String itemId, long sequence, String type, String occurredAt, String recordedAt,
                          JsonNode facts, String recordHash, Long correctedIn) {}
