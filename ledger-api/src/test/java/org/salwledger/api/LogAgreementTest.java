package org.salwledger.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.salwledger.api.integrity.LogAgreement;
import org.salwledger.core.chain.ChainHead;
import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Role;
import org.salwledger.core.item.description.ItemKind;
import org.salwledger.core.item.description.Material;
import org.salwledger.core.item.description.Production;
import org.salwledger.core.item.description.WeaponCategory;
import org.salwledger.core.item.event.ItemManufactured;
import org.salwledger.projections.log.IntegrityViolation;
import org.salwledger.projections.log.LogIntegrity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The write side's agreement with the log ({@link LogAgreement}) on both stores' schemas: a command's first
 * record in each stream must follow the record the log holds there and take no position the log already
 * committed to, across the query chunks a consignment needs (1,000 streams here, chunks of 400).
 */
class LogAgreementTest {
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final CommandOrigin FNH = new CommandOrigin("BE-FNH", Role.MANUFACTURER, "BE", "e".repeat(64), NOW, NOW);
    private static final int STREAMS = 1_000;

    private final List<String> streams = IntStream.range(0, STREAMS).mapToObj(i -> UUID.randomUUID().toString()).toList();

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aCommandMustContinueEveryChainWhereTheLogHasIt(String store) {
        JdbcTemplate jdbc = new JdbcTemplate(StoreSchemas.guarded(store));
        List<LedgerEvent> firsts = new ArrayList<>();
        List<Object[]> leaves = new ArrayList<>();
        for (int i = 0; i < STREAMS; i++) {
            LedgerEvent first = record(streams.get(i), 0, null);
            firsts.add(first);
            leaves.add(new Object[] {(long) i, streams.get(i), 0L, first.link().hash(), new byte[32], new byte[] {1}});
        }
        jdbc.batchUpdate("INSERT INTO log_leaf (leaf_index, stream, sequence, record_hash, leaf_hash, record) "
                + "VALUES (?, ?, ?, ?, ?, ?)", leaves);
        List<LedgerEvent> next = firsts.stream().map(f -> record(f.link().stream(), 1, f.link().hash())).toList();

        List<LedgerEvent> agreeing = new ArrayList<>(next);
        agreeing.add(record(UUID.randomUUID().toString(), 0, null));
        new LogAgreement(jdbc, new LogIntegrity()).check(agreeing);

        List<LedgerEvent> forked = new ArrayList<>(next);
        forked.set(650, record(streams.get(650), 1, "f".repeat(64)));
        assertRefused(jdbc, forked, streams.get(650) + "/0", "chain no longer ends with the record the log holds");

        List<LedgerEvent> taken = new ArrayList<>(next);
        taken.set(999, firsts.get(999));
        assertRefused(jdbc, taken, streams.get(999) + "/0", "the log committed to a record at this position");

        // a command of one stream, as most are (a short list, not rows, on H2)
        new LogAgreement(jdbc, new LogIntegrity()).check(List.of(next.get(7)));
        assertRefused(jdbc, List.of(record(streams.get(7), 1, "f".repeat(64))), streams.get(7) + "/0",
                "chain no longer ends with the record the log holds");
        assertRefused(jdbc, List.of(firsts.get(7)), streams.get(7) + "/0", "the log committed to a record at this position");
    }

    private static void assertRefused(JdbcTemplate jdbc, List<LedgerEvent> events, String record, String reason) {
        LogIntegrity integrity = new LogIntegrity();
        assertThatThrownBy(() -> new LogAgreement(jdbc, integrity).check(events))
                .isInstanceOf(IntegrityViolation.class).hasMessageContaining(record).hasMessageContaining(reason);
        assertThat(integrity.intact()).as("the node stops appending").isFalse();
    }

    private static LedgerEvent record(String stream, long sequence, String previous) {
        ChainHead head = sequence == 0 ? ChainHead.start(stream) : new ChainHead(stream, sequence, previous, null);
        return head.seal(link -> new ItemManufactured(stream, ItemKind.WEAPON,
                WeaponCategory.REVOLVER_OR_SELF_LOADING_PISTOL, null, null, "FN Herstal", "FN 509", "9x19mm",
                Material.POLYMER, Production.INDUSTRIAL, 2026, null, "BE-FNH", "BE", link), FNH);
    }
}
