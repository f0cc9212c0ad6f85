package org.salwledger.core.log;

/**
 * Where a record sits in the log, as {@code /api/v1/log/leaf} answers it: its leaf {@code index}, the
 * record it holds and the RFC 6962 leaf hash of the record's canonical bytes (base64).
 */
public record LeafRef(long index, String stream, long sequence, String recordHash, String leafHash) {
}
