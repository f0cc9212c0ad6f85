package org.salwledger.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;

import static org.salwledger.api.LedgerTestClient.command;

/** Commands the multi-process tests send, as clients write them (unsigned JSON). */
final class SampleCommands {
    private SampleCommands() {}

    static ObjectNode pistol() {
        return command("ManufactureItem").put("kind", "WEAPON").put("category", "REVOLVER_OR_SELF_LOADING_PISTOL")
                .put("make", "FN Herstal").put("model", "FN 509").put("calibre", "9x19mm").put("material", "POLYMER")
                .put("production", "INDUSTRIAL");
    }

    /** The manufacturer's mark, its serial derived from the item id with {@code prefix}. */
    static ObjectNode manufactureMark(String item, String prefix) {
        return command("MarkItem").put("itemId", item).put("markType", "MANUFACTURE")
                .put("serial", prefix + item.substring(0, 8)).put("component", "FRAME").put("method", "LASER");
    }

    /** An export of one item to {@code consignee} in the DR Congo, due in 30 days. */
    static ObjectNode exportTo(String consignee, String item) {
        ObjectNode dispatch = command("DispatchTransfer").put("consignee", consignee).put("kind", "EXPORT")
                .put("dueBy", LocalDate.now().plusDays(30).toString()).put("exportLicence", "BE-1")
                .put("importingCountry", "CD").put("endUserCertificate", "CD-1");
        dispatch.putArray("itemIds").add(item);
        return dispatch;
    }
}
