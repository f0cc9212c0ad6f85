package org.salwledger.projections.transfer;

import org.salwledger.core.transfer.TransferDispatched;
import org.springframework.jdbc.core.JdbcTemplate;

/** Lets tests of other views feed the transfer view its package-private event handler. */
public final class TransferProjectionAccess {
    private TransferProjectionAccess() {
    }

    public static void dispatch(JdbcTemplate jdbc, TransferDispatched event) {
        new TransferProjection(jdbc).on(event);
    }
}
