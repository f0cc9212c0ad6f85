package org.salwledger.core.item;

import org.salwledger.core.command.Require;

/**
 * The free-text facts of an item's records and how long each may be, in one table: the field name a
 * refusal reports ({@code missing-field}, {@code invalid-field}) and its limit in characters.
 */
enum ItemText {
    MAKE("make", 200),
    MODEL("model", 200),
    CALIBRE("calibre", 100),
    SERIAL("serial", 100),
    MARK_TEXT("text", 500),
    LOCATION("location", 500),
    PLACE("place", 500),
    POLICE_REFERENCE("policeReference", 200),
    CERTIFICATE_REFERENCE("certificateReference", 200),
    STANDARD("standard", 200),
    METHOD("method", 200),
    REASON("reason", 1000),
    EVIDENCE("evidence", 1000),
    DESCRIPTION("description", 2000),
    CIRCUMSTANCES("circumstances", 2000);

    private final String field;
    private final int maxLength;

    ItemText(String field, int maxLength) {
        this.field = field;
        this.maxLength = maxLength;
    }

    String required(String value) {
        return Require.text(value, field, maxLength);
    }

    String optional(String value) {
        return Require.optionalText(value, field, maxLength);
    }
}
