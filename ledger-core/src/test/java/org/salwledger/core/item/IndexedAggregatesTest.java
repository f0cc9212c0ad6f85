package org.salwledger.core.item;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salwledger.core.InProcessLedger;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Role;
import org.salwledger.core.item.description.ItemKind;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IndexedAggregatesTest {
    private InProcessLedger ledger;
    private String first;
    private String second;

    @BeforeEach
    void setUp() {
        ledger = new InProcessLedger();
        CommandOrigin maker = ledger.actor("BE-FNH", Role.MANUFACTURER, "BE");
        first = ledger.manufacture(maker, ItemKind.WEAPON, null);
        second = ledger.manufacture(maker, ItemKind.WEAPON, null);
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    /** Fails when Axon keeps a unit of work's aggregates under another resource name: the map would go unused. */
    @Test
    void theItemRepositoryKeepsTheItemsTheLoaderLoadedInTheIndexedMap() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("load"));
        try {
            ItemLoader loader = ledger.component(ItemLoader.class);
            loader.load(first);
            loader.load(second);
            Object managed = unitOfWork.resources().get(IndexedAggregates.resourceKey(ledger.itemRepository()));
            assertThat(managed).isInstanceOf(IndexedAggregates.class);
            assertThat(((Map<?, ?>) managed).keySet()).map(Object::toString).containsExactlyInAnyOrder(first, second);
        } finally {
            unitOfWork.rollback();
        }
    }

    @Test
    void containsValueAnswersAsAHashMapDoes() {
        Aggregate<Item> loaded = loadAlone(first);
        Aggregate<Item> sameItemOtherInstance = loadAlone(first);
        Aggregate<Item> other = loadAlone(second);
        IndexedAggregates<Object> map = new IndexedAggregates<>();
        map.put(first, loaded);
        map.put("filed-under-another-key", other);
        map.put("not-an-aggregate", "text");

        assertThat(map.containsValue(loaded)).isTrue();
        assertThat(map.containsValue(other)).as("found by walking the entries").isTrue();
        assertThat(map.containsValue("text")).isTrue();
        assertThat(map.containsValue(sameItemOtherInstance)).as("another instance of the same item").isFalse();
        assertThat(map.containsValue(null)).isFalse();
        map.remove(first);
        assertThat(map.containsValue(loaded)).isFalse();
    }

    private Aggregate<Item> loadAlone(String itemId) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("load"));
        try {
            return ledger.component(ItemLoader.class).load(itemId);
        } finally {
            unitOfWork.rollback();
        }
    }
}
