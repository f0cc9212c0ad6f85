package org.salwledger.core.cessation;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salwledger.core.InProcessLedger;
import org.salwledger.core.actor.ActorCeasedBusiness;
import org.salwledger.core.actor.ActorStreams;
import org.salwledger.core.actor.CeaseBusiness;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Role;
import org.salwledger.core.item.description.ItemKind;
import org.salwledger.core.item.event.ItemHandedOver;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** ITI 13: a closing actor's items go to its national authority, and the actor closes, in one unit of work. */
class CessationProcessTest {
    private InProcessLedger ledger;
    private CommandOrigin fnh;

    @BeforeEach
    void setUp() {
        ledger = new InProcessLedger();
        fnh = ledger.actor("BE-FNH", Role.MANUFACTURER, "BE");
        ledger.actor("BE-AUTH", Role.AUTHORITY, "BE");
        ledger.actor("NL-AUTH", Role.AUTHORITY, "NL");
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }


    @Test
    void theItemsGoToTheAuthorityOfTheActorsOwnCountryThenTheActorCloses() {
        String a = ledger.manufacture(fnh, ItemKind.WEAPON, null);
        String b = ledger.manufacture(fnh, ItemKind.WEAPON, null);
        ledger.holdings.put("BE-FNH", List.of(a, b));

        ledger.refuses(new CeaseBusiness("BE-FNH", null, "insolvency", fnh), "actor-still-holds-items");
        ledger.refuses(new CeaseBusiness("BE-FNH", "NL-AUTH", "insolvency", fnh), "invalid-consignee");
        ledger.refuses(new CeaseBusiness("BE-FNH", "BE-AUTH", "insolvency",
                ledger.actor("DE-HK", Role.MANUFACTURER, "DE")), "role-not-allowed");
        assertThat(ledger.types(a)).containsExactly("ItemManufactured");

        ledger.send(new CeaseBusiness("BE-FNH", "BE-AUTH", "insolvency", fnh));
        for (String item : List.of(a, b)) {
            assertThat(ledger.stream(item).get(1)).isInstanceOfSatisfying(ItemHandedOver.class, h -> {
                assertThat(h.from()).isEqualTo("BE-FNH");
                assertThat(h.to()).isEqualTo("BE-AUTH");
            });
        }
        assertThat(ledger.last(ActorStreams.of("BE-FNH")))
                .isInstanceOfSatisfying(ActorCeasedBusiness.class, c -> {
                    assertThat(c.handedOverTo()).isEqualTo("BE-AUTH");
                    assertThat(c.itemsHandedOver()).isEqualTo(2);
                    assertThat(c.revokedKeyIds()).isNotEmpty();
                });
        ledger.refuses(new CeaseBusiness("BE-NOBODY", null, "gone", InProcessLedger.ADMIN), "actor-not-found");
    }

    @Test
    void anActorHoldingNothingClosesWithoutAnAuthority() {
        ledger.send(new CeaseBusiness("BE-FNH", null, "retired", InProcessLedger.ADMIN));
        assertThat(ledger.types(ActorStreams.of("BE-FNH"))).endsWith("ActorCeasedBusiness");
    }
}
