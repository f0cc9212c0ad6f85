package org.salwledger.core.actor;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salwledger.core.Fixtures;
import org.salwledger.core.chain.ChainHead;
import org.salwledger.core.chain.LedgerRecords;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.crypto.SigningKey;

import java.util.List;

import org.salwledger.core.command.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.salwledger.core.Fixtures.origin;
import static org.salwledger.core.command.Refusals.refusal;

class ActorTest {
    private static final CommandOrigin ADMIN = origin("admin", Role.ADMIN, "BE");
    private final SigningKey key = SigningKey.generate();
    private final String stream = ActorStreams.of("BE-FNH");
    private AggregateTestFixture<Actor> fixture;
    private Fixtures.InMemoryActorDirectory directory;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Actor.class);
        directory = new Fixtures.InMemoryActorDirectory();
        fixture.registerInjectableResource(directory);
    }

    private RegisterActor register(CommandOrigin by, String country) {
        return new RegisterActor(stream, "BE-FNH", "FN Herstal", Role.MANUFACTURER, country, key.publicKeyBase64(), by);
    }

    private ActorRegistered registered() {
        return ChainHead.start(stream).seal(link -> new ActorRegistered("BE-FNH", "FN Herstal", Role.MANUFACTURER, "BE",
                key.publicKeyBase64(), key.keyId(), Fixtures.NOW.toString(), "admin", link), ADMIN);
    }

    @Test
    void adminRegistersAnActorWithItsKey() {
        fixture.givenNoPriorActivity()
                .when(register(ADMIN, "BE"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered());
        assertThat(directory.key(key.keyId())).get().extracting(ActorKey::actorId).isEqualTo("BE-FNH");
    }

    @Test
    void onlyAnAdminRegistersActors() {
        fixture.givenNoPriorActivity()
                .when(register(origin("BE-X", Role.AUTHORITY, "BE"), "BE"))
                .expectException(refusal("role-not-allowed"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("ADMIN"))
                .expectNoEvents();
    }

    @Test
    void countryMustBeAnIsoAlpha2Code() {
        fixture.givenNoPriorActivity()
                .when(register(ADMIN, "Belgium"))
                .expectException(refusal("bad-country-code"))
                .expectNoEvents();
        assertThat(directory.actors).isEmpty();
    }

    @Test
    void aPublicKeyMustBe32Bytes() {
        fixture.givenNoPriorActivity()
                .when(new RegisterActor(stream, "BE-FNH", "FN", Role.MANUFACTURER, "BE", "AAAA", ADMIN))
                .expectException(refusal("bad-public-key"))
                .expectNoEvents();
    }

    @Test
    void rotationRetiresTheActiveKeyAndAddsTheNewOne() {
        directory.addKey("BE-FNH", key.keyId(), key.publicKey(), Fixtures.NOW);
        SigningKey next = SigningKey.generate();
        ActorRegistered first = registered();
        ActorKeyRotated rotated = ChainHead.start(stream).after(first.link()).seal(link -> new ActorKeyRotated("BE-FNH",
                next.publicKeyBase64(), next.keyId(), Fixtures.NOW.toString(), List.of(key.keyId()), "BE-FNH", link),
                origin("BE-FNH", Role.MANUFACTURER, "BE"));
        fixture.given(first)
                .when(new RotateActorKey(stream, "BE-FNH", next.publicKeyBase64(), origin("BE-FNH", Role.MANUFACTURER, "BE")))
                .expectEvents(rotated);
        assertThat(directory.key(key.keyId()).orElseThrow().validUntil()).isEqualTo(Fixtures.NOW);
        assertThat(rotated.link().prevHash()).isEqualTo(first.link().hash());
    }

    @Test
    void anotherActorCannotRotateMyKey() {
        fixture.given(registered())
                .when(new RotateActorKey(stream, "BE-FNH", SigningKey.generate().publicKeyBase64(),
                        origin("DE-HK", Role.MANUFACTURER, "DE")))
                .expectException(refusal("role-not-allowed"))
                .expectNoEvents();
    }

    @Test
    void revocationIsRecordedAndReachesTheDirectory() {
        directory.addKey("BE-FNH", key.keyId(), key.publicKey(), Fixtures.NOW);
        fixture.given(registered())
                .when(new RevokeActorKey(stream, "BE-FNH", key.keyId(), "laptop stolen", ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.hamcrest.Matchers.instanceOf(ActorKeyRevoked.class))));
        assertThat(directory.key(key.keyId()).orElseThrow().revoked()).isTrue();
    }

    @Test
    void revokingAKeyTheActorNeverHadIsRefused() {
        fixture.given(registered())
                .when(new RevokeActorKey(stream, "BE-FNH", "f".repeat(64), null, ADMIN))
                .expectException(refusal("unknown-key"))
                .expectNoEvents();
    }

    @Test
    void registrationIsARecordOnTheChain() {
        assertThat(LedgerRecords.hashMatches(registered())).isTrue();
        assertThat(registered().link().prevHash()).isEqualTo(LedgerRecords.GENESIS);
    }

    @Test
    void ceasingBusinessRevokesEveryKeyAndHappensOnce() {
        directory.addKey("BE-FNH", key.keyId(), key.publicKey(), Fixtures.NOW);
        fixture.given(registered())
                .when(new CloseActor(stream, "BE-FNH", "BE-AUTH", 3, "licence surrendered", origin("BE-FNH", Role.MANUFACTURER, "BE")))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(org.axonframework.test.matchers.Matchers.predicate(e ->
                                e instanceof ActorCeasedBusiness c && c.revokedKeyIds().equals(List.of(key.keyId()))
                                        && c.itemsHandedOver() == 3))));
        assertThat(directory.key(key.keyId()).orElseThrow().revoked()).isTrue();
        ActorCeasedBusiness ceased = ChainHead.start(stream).after(registered().link()).seal(link -> new ActorCeasedBusiness(
                "BE-FNH", null, 0, "closed", List.of(key.keyId()), "BE-FNH", link), ADMIN);
        fixture.given(registered(), ceased)
                .when(new CloseActor(stream, "BE-FNH", null, 0, "again", ADMIN))
                .expectException(refusal("actor-ceased")).expectNoEvents();
        fixture.given(registered())
                .when(new CloseActor(stream, "BE-FNH", null, 0, "not mine", origin("DE-HK", Role.MANUFACTURER, "DE")))
                .expectException(refusal("role-not-allowed")).expectNoEvents();
    }
}
