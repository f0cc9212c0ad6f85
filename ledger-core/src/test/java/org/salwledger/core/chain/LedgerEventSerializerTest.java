package org.salwledger.core.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Role;
import org.salwledger.core.item.description.ItemKind;
import org.salwledger.core.item.description.Material;
import org.salwledger.core.item.description.Production;
import org.salwledger.core.item.description.WeaponCategory;
import org.salwledger.core.item.event.ItemManufactured;
import org.salwledger.core.item.event.ItemMarked;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerEventSerializerTest {
    private final LedgerEventSerializer serializer = LedgerEventSerializer.of(
            JacksonSerializer.builder().objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())),
            List.of(ItemManufactured.class, ItemMarked.class));

    @Test
    void recordsAreStoredUnderTheirDomainNameAndReadBack() {
        ItemManufactured event = manufactured();
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
        assertThat(stored.getType().getName()).isEqualTo("ItemManufactured");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
    }

    @Test
    void recordsStoredUnderAJavaClassNameBeforeAreStillRead() {
        ItemManufactured event = manufactured();
        byte[] payload = serializer.serialize(event, byte[].class).getData();
        for (String earlierName : new String[]{"org.salwledger.core.item.ItemManufactured",
                "org.salwledger.core.item.event.ItemManufactured"}) {
            Object read = serializer.deserialize(new SimpleSerializedObject<>(payload, byte[].class, earlierName, null));
            assertThat(read).as(earlierName).isEqualTo(event);
        }
    }

    @Test
    void everythingElseKeepsAxonsNaming() {
        assertThat(serializer.serialize(Map.of("a", 1), byte[].class).getType().getName())
                .isEqualTo(serializer.typeForClass(Map.of("a", 1).getClass()).getName())
                .contains("java.util");
    }

    @Test
    void anUnknownRecordTypeIsNotGuessedAndTwoTypesMayNotShareAName() {
        assertThat(serializer.classForType(new SimpleSerializedType("NoSuchRecord", null)))
                .isEqualTo(UnknownSerializedType.class);
        assertThatThrownBy(() -> LedgerEventSerializer.of(JacksonSerializer.builder(),
                List.of(ItemManufactured.class, Twin.ItemManufactured.class)))
                .hasMessageContaining("two ledger record types named ItemManufactured");
        assertThatThrownBy(() -> LedgerEventSerializer.of(JacksonSerializer.builder(), List.of(String.class)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static final class Twin {
        record ItemManufactured(RecordLink link) implements LedgerEvent {
            @Override
            public String statedBy() {
                return null;
            }
        }
    }

    private static ItemManufactured manufactured() {
        CommandOrigin origin = new CommandOrigin("BE-FNH", Role.MANUFACTURER, "BE",
                "3ab11fbdb378c266d9d1a662b15b799bcb527a8200b3f57b8fd8c1c56980da65", Instant.parse("2026-11-24T10:00:00Z"),
                Instant.parse("2026-11-24T10:00:00.250Z"));
        return ChainHead.start("75c7714d-36c1-3d90-8307-4c305e02d813").seal(link -> new ItemManufactured(
                "75c7714d-36c1-3d90-8307-4c305e02d813", ItemKind.WEAPON, WeaponCategory.ASSAULT_RIFLE, null, null,
                "FN Herstal", "SCAR-L", "5.56x45mm", Material.POLYMER, Production.INDUSTRIAL, null, null,
                "BE-FNH", "BE", link), origin);
    }
}
