package org.salwledger.core.item.marking;

public enum MarkingMethod {
    STAMPED, ENGRAVED, LASER, DOT_PEEN, EMBEDDED_METAL_PLATE, MICROSTAMP, DATA_MATRIX, RFID, CAST;

    /** Methods that put the mark straight into the material; on polymer ATF and EU expect a metal plate. */
    public boolean isDirectInMaterial() {
        return this == STAMPED || this == ENGRAVED;
    }
}
