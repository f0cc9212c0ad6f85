package org.salwledger.api.store;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.salwledger.core.actor.CustodyRegister;
import org.salwledger.core.item.event.ItemDestroyed;
import org.salwledger.core.item.event.ItemHandedOver;
import org.salwledger.core.item.event.ItemManufactured;
import org.salwledger.core.item.event.ItemReceived;
import org.salwledger.core.item.event.ItemRecovered;
import org.salwledger.core.item.event.ItemRecoveredAfterDestruction;
import org.salwledger.core.item.event.ItemRegisteredUnmarked;
import org.salwledger.core.item.event.ItemSeized;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Who holds what, for the write side. A subscribing processor ({@code custody-register}) keeps it in
 * the transaction of the events, so it is never behind the ledger. Destroyed items are held by no one.
 */
@Component
@ProcessingGroup(JdbcCustodyRegister.PROCESSING_GROUP)
public class JdbcCustodyRegister implements CustodyRegister {
    public static final String PROCESSING_GROUP = "custody-register";

    private final JdbcTemplate jdbc;

    public JdbcCustodyRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> itemsHeldBy(String actorId) {
        return jdbc.queryForList("SELECT item_id FROM custody_register WHERE custodian = ? ORDER BY item_id",
                String.class, actorId);
    }

    private void hold(String itemId, String custodian) {
        if (jdbc.update("UPDATE custody_register SET custodian = ? WHERE item_id = ?", custodian, itemId) == 0) {
            jdbc.update("INSERT INTO custody_register (item_id, custodian) VALUES (?, ?)", itemId, custodian);
        }
    }

    /** An item's first record: nobody held it before, so one insert (no update to try first). */
    private void first(String itemId, String custodian) {
        jdbc.update("INSERT INTO custody_register (item_id, custodian) VALUES (?, ?)", itemId, custodian);
    }

    @EventHandler
    void on(ItemManufactured e) {
        first(e.itemId(), e.manufacturer());
    }

    @EventHandler
    void on(ItemRegisteredUnmarked e) {
        first(e.itemId(), e.registeredBy());
    }

    @EventHandler
    void on(ItemReceived e) {
        hold(e.itemId(), e.custodian());
    }

    @EventHandler
    void on(ItemRecovered e) {
        hold(e.itemId(), e.recoveredBy());
    }

    @EventHandler
    void on(ItemRecoveredAfterDestruction e) {
        hold(e.itemId(), e.recoveredBy());
    }

    @EventHandler
    void on(ItemSeized e) {
        hold(e.itemId(), e.seizedBy());
    }

    @EventHandler
    void on(ItemHandedOver e) {
        hold(e.itemId(), e.to());
    }

    @EventHandler
    void on(ItemDestroyed e) {
        jdbc.update("DELETE FROM custody_register WHERE item_id = ?", e.itemId());
    }
}
