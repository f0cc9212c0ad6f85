package org.salwledger.api;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.salwledger.api.store.ProcessorTokens;
import org.salwledger.api.store.ViewRebuild;
import org.salwledger.api.store.ViewReplay;
import org.salwledger.projections.LedgerViews;
import org.salwledger.projections.alert.AlertType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The views are a function of the records: emptied and projected again from the first record, every
 * view holds exactly what it held. Alerts a rebuild keeps as they are (the sweep's, trace hits) are left out.
 */
final class ViewRebuildCheck {
    private static final String BY_RECORDS = Arrays.stream(AlertType.values()).filter(AlertType::rebuiltFromRecords)
            .map(t -> "'" + t.name() + "'").collect(Collectors.joining(", "));
    private static final Map<String, String> VIEWS = new LinkedHashMap<>();

    static {
        for (String table : List.of("actor_view", "item_view", "item_history", "item_marking", "item_holder", "item_link",
                "transfer_view", "transfer_item", "composition", "mark_index", "mark_pattern", "trace_view", "trace_step",
                "trace_watch", "mark_obligation")) {
            VIEWS.put(table, "SELECT * FROM " + table);
        }
        VIEWS.put("alert", "SELECT * FROM alert WHERE type IN (" + BY_RECORDS + ")");
        VIEWS.put("alert_item", "SELECT i.* FROM alert_item i JOIN alert a ON a.alert_id = i.alert_id WHERE a.type IN ("
                + BY_RECORDS + ")");
    }

    private ViewRebuildCheck() {}

    /**
     * Every segment of the views has passed the last record stored so far. For reads across streams (a report,
     * a rebuild's comparison), which no one write's Ledger-After covers: it waits only for its stream's segment.
     */
    static void awaitViewsCaughtUp(JdbcTemplate jdbc, EventProcessingConfiguration processing) {
        StreamingEventProcessor views = processing.eventProcessor(LedgerViews.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();
        long head = jdbc.queryForObject("SELECT COALESCE(MAX(globalIndex), -1) FROM DomainEventEntry", Long.class);
        awaitCaughtUp(views, 1, head);
    }

    /** {@code segments} of the views' processor report a position at or past {@code head}. */
    private static void awaitCaughtUp(StreamingEventProcessor views, int segments, long head) {
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).atMost(Duration.ofSeconds(30))
                .until(() -> ViewRebuild.caughtUp(views.processingStatus().values(), segments, head));
    }

    static void viewsRebuildToWhatTheyWere(JdbcTemplate jdbc, ViewRebuild rebuild, EventProcessingConfiguration processing) {
        awaitViewsCaughtUp(jdbc, processing);
        Map<String, List<String>> projected = dump(jdbc);
        assertThat(projected.get("item_view")).as("the check needs views to compare").isNotEmpty();

        ViewRebuild.Run run = rebuild.start();
        assertThat(run.records()).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class));
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).atMost(Duration.ofSeconds(60))
                .until(() -> rebuild.last().orElseThrow().finished());

        Map<String, List<String>> rebuilt = dump(jdbc);
        for (String table : VIEWS.keySet()) {
            assertThat(rebuilt.get(table)).as("%s rebuilt from %d records", table, run.records())
                    .containsExactlyElementsOf(projected.get(table));
        }
    }

    /**
     * A replay that stops after two batches (a node stopped mid-rebuild) leaves every segment's token at the last
     * record of its second batch, and the views' processor, started from there, brings the views to what they were.
     */
    static void aReplayCutShortIsFinishedByTheProcessor(JdbcTemplate jdbc, ViewReplay replay, ProcessorTokens tokens,
                                                         EventProcessingConfiguration processing) {
        awaitViewsCaughtUp(jdbc, processing);
        Map<String, List<String>> projected = dump(jdbc);
        List<Long> positions = jdbc.queryForList("SELECT globalIndex FROM DomainEventEntry ORDER BY globalIndex", Long.class);
        int batch = 3;
        assertThat(positions).as("the check needs more than two batches of records").hasSizeGreaterThan(2 * batch);
        StreamingEventProcessor views = processing.eventProcessor(LedgerViews.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();
        views.shutDown();
        views.resetTokens();
        AtomicInteger asked = new AtomicInteger();
        long read = replay.inBatchesOf(batch).replay(LedgerViews.PROCESSING_GROUP,
                ((AbstractEventProcessor) views).eventHandlerInvoker(), positions.get(positions.size() - 1),
                () -> asked.incrementAndGet() > 2 * batch);

        assertThat(read).isEqualTo(2 * batch);
        assertThat(tokens.of(LedgerViews.PROCESSING_GROUP)).allSatisfy(segment -> assertThat(
                segment.token().position()).hasValue(positions.get(2 * batch - 1)));
        views.start();
        // every segment, not the first to report: a segment the processor has not yet worked on has no status
        awaitCaughtUp(views, tokens.of(LedgerViews.PROCESSING_GROUP).size(), positions.get(positions.size() - 1));
        Map<String, List<String>> finished = dump(jdbc);
        for (String table : VIEWS.keySet()) {
            assertThat(finished.get(table)).as("%s replayed in part, then by the processor", table)
                    .containsExactlyElementsOf(projected.get(table));
        }
    }

    /** Every row of every view as text, sorted: the order rows were written in is not part of a view. */
    private static Map<String, List<String>> dump(JdbcTemplate jdbc) {
        Map<String, List<String>> dump = new LinkedHashMap<>();
        VIEWS.forEach((table, query) -> dump.put(table, jdbc.query(query, (rs, i) -> {
            List<String> row = new ArrayList<>();
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                Object value = rs.getObject(c);
                row.add(rs.getMetaData().getColumnLabel(c).toLowerCase() + "=" + (value instanceof byte[] bytes
                        ? java.util.HexFormat.of().formatHex(bytes) : String.valueOf(value)));
            }
            return String.join(" ", row);
        }).stream().sorted().toList()));
        return dump;
    }
}
