package org.salwledger.projections.log;

/**
 * What the ledger holds no longer matches what it recorded, logged or signed: someone changed the
 * store behind the service's back. {@code where} names the record or log position that broke.
 */
public class IntegrityViolation extends RuntimeException {
    private final String where;

    public IntegrityViolation(String where, String what) {
        super(where + ": " + what);
        this.where = where;
    }

    public String where() {
        return where;
    }

    /** The usual name of a record: its stream and sequence. */
    public static String record(String stream, long sequence) {
        return "record " + stream + "/" + sequence;
    }
}
