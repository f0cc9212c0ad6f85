package org.salwledger.projections.alert;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.salwledger.core.chain.ChainHead;
import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Role;
import org.salwledger.core.item.description.ItemKind;
import org.salwledger.core.item.description.Material;
import org.salwledger.core.item.description.PartType;
import org.salwledger.core.item.description.Production;
import org.salwledger.core.item.description.WeaponCategory;
import org.salwledger.core.item.event.ItemMarked;
import org.salwledger.core.item.event.ItemRegisteredUnmarked;
import org.salwledger.core.item.marking.MarkType;
import org.salwledger.core.item.marking.MarkingMethod;
import org.salwledger.core.item.marking.ObservedMarking;
import org.salwledger.core.trace.TraceAnswered;
import org.salwledger.core.trace.TraceOutcome;
import org.salwledger.core.trace.TracePriority;
import org.salwledger.core.trace.TraceRequested;
import org.salwledger.projections.DeferredInserts;
import org.salwledger.projections.ViewDatabase;
import org.salwledger.projections.item.ItemProjection;
import org.salwledger.projections.item.ItemQueries;
import org.salwledger.projections.search.MarkIndexProjection;
import org.salwledger.projections.trace.TraceProjection;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trace answered NOT_FOUND, then a matching mark: a hit exactly when the mark was recorded after the
 * answer, the same hit whichever of the two records the views project first (they are in different streams,
 * which parallel segments project in either order).
 */
class TraceHitsTest {
    private static final String TRACE = "77777777-7777-4777-8777-777777777777";
    private static final String RIFLE = "11111111-1111-4111-8111-111111111111";
    private static final Instant ANSWERED = Instant.parse("2026-11-24T10:00:00.250Z");
    private static final AlertSweep.Deadlines DEADLINES = new AlertSweep.Deadlines(Duration.ofDays(30),
            Duration.ofDays(14), Duration.ofDays(90), Duration.ofDays(30));

    /** One database of views and the handlers that write it, called the way Axon calls them. */
    private static final class Views {
        final JdbcTemplate jdbc = ViewDatabase.fresh();
        final AlertBook book = new AlertBook(jdbc);
        final TraceHits hits = new TraceHits(jdbc, book);
        final AlertSweep sweep = new AlertSweep(jdbc, book, new ItemQueries(jdbc), hits);
        final DeferredInserts inserts = new DeferredInserts(jdbc);
        final List<EventMessageHandler> handlers = List.of(new TraceProjection(jdbc), new ItemProjection(jdbc, inserts),
                        new MarkIndexProjection(jdbc, inserts), new AlertProjection(jdbc, inserts, book,
                                new ItemQueries(jdbc), new OneActor(at("KE-NPS", Role.AUTHORITY, "KE", ANSWERED)), hits))
                .stream().<EventMessageHandler>map(AnnotationEventHandlerAdapter::new).toList();

        Views project(LedgerEvent... events) {
            for (LedgerEvent event : events) {
                for (EventMessageHandler handler : handlers) {
                    try {
                        if (handler.canHandle(GenericEventMessage.asEventMessage(event))) {
                            handler.handle(GenericEventMessage.asEventMessage(event));
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return this;
        }

        Views sweep(Instant now) {
            sweep.sweep(now, DEADLINES);
            return this;
        }

        List<Map<String, Object>> hits() {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT alert_id, type, status, summary, facts, country, "
                    + "actor_id, confidential, raised_at FROM alert WHERE type = 'TRACE_HIT' ORDER BY alert_id");
            rows.forEach(row -> row.put("facts", new String((byte[]) row.get("facts"), StandardCharsets.UTF_8)));
            return rows;
        }
    }

    private static CommandOrigin at(String actor, Role role, String country, Instant recordedAt) {
        return new CommandOrigin(actor, role, country, "e".repeat(64), recordedAt, recordedAt, recordedAt);
    }

    private static final TraceRequested REQUESTED = ChainHead.start(TRACE).seal(link -> new TraceRequested(TRACE, "KE-NPS",
            "KE", "BE", List.of(new ObservedMarking("FN 4711-2?", null, false)), ItemKind.WEAPON,
            WeaponCategory.RIFLE_OR_CARBINE, "5.56x45mm", "FN", "SCAR", "2026-11-01", "Nairobi", "seized at a roadblock",
            List.of(), null, null, TracePriority.ROUTINE, null, List.of(), link),
            at("KE-NPS", Role.AUTHORITY, "KE", ANSWERED.minusSeconds(3600)));
    private static final TraceAnswered NOT_FOUND = ChainHead.start(TRACE).after(REQUESTED.link()).seal(link ->
            new TraceAnswered(TRACE, TraceOutcome.NOT_FOUND, "no record of it", null, null, List.of(), null, "BE-POL",
                    link), at("BE-POL", Role.AUTHORITY, "BE", ANSWERED));

    private static ItemMarked marked(Instant recordedAt) {
        return ChainHead.start(RIFLE).seal(link -> new ItemMarked(RIFLE, MarkType.MANUFACTURE, "FN 4711-21", null, "BE-FNH",
                "BE", PartType.RECEIVER, MarkingMethod.LASER, null, "BE-FNH", List.of(), link),
                at("BE-FNH", Role.MANUFACTURER, "BE", recordedAt));
    }

    private static ItemRegisteredUnmarked registered(Instant recordedAt) {
        return ChainHead.start(RIFLE).seal(link -> new ItemRegisteredUnmarked(RIFLE, ItemKind.WEAPON,
                WeaponCategory.RIFLE_OR_CARBINE, null, "FN", "SCAR", "5.56x45mm", Material.METAL, Production.INDUSTRIAL,
                "found in a cache", "Goma", List.of(new ObservedMarking("FN 47?1-21", null, true)), "CD-PNC", "CD", link),
                at("CD-PNC", Role.AUTHORITY, "CD", recordedAt));
    }

    @Test
    void aMarkRecordedAfterTheAnswerIsTheSameHitWhicheverTheViewsSeeFirst() {
        ItemMarked later = marked(ANSWERED.plusMillis(1));
        Views answerFirst = new Views().project(REQUESTED, NOT_FOUND, later);
        assertThat(answerFirst.hits()).as("raised by the mark's projection").hasSize(1);

        Views markFirst = new Views().project(later, REQUESTED, NOT_FOUND);
        assertThat(markFirst.hits()).as("neither record's projection saw the other").isEmpty();
        markFirst.sweep(ANSWERED.plusSeconds(10));
        assertThat(markFirst.hits()).isEqualTo(answerFirst.hits());
        assertThat(markFirst.hits().get(0).get("actor_id")).isEqualTo("KE-NPS");
        assertThat((String) markFirst.hits().get(0).get("facts")).contains("\"markText\":\"FN 4711-21\"")
                .contains("\"markedBy\":\"BE-FNH\"").contains(later.link().hash());

        markFirst.sweep(ANSWERED.plusSeconds(20));
        assertThat(markFirst.hits()).as("raised once").isEqualTo(answerFirst.hits());
    }

    @Test
    void aMarkRecordedBeforeTheAnswerIsNoHitInEitherOrder() {
        ItemMarked earlier = marked(ANSWERED.minusMillis(1));
        assertThat(new Views().project(REQUESTED, NOT_FOUND, earlier).sweep(ANSWERED.plusSeconds(10)).hits()).isEmpty();
        assertThat(new Views().project(earlier, REQUESTED, NOT_FOUND).sweep(ANSWERED.plusSeconds(10)).hits()).isEmpty();
    }

    @Test
    void anItemRegisteredUnmarkedAfterTheAnswerIsTheSameHitWhicheverTheViewsSeeFirst() {
        ItemRegisteredUnmarked later = registered(ANSWERED.plusSeconds(2));
        Views answerFirst = new Views().project(REQUESTED, NOT_FOUND, later);
        assertThat(answerFirst.hits()).hasSize(1);
        Views registeredFirst = new Views().project(later, REQUESTED, NOT_FOUND).sweep(ANSWERED.plusSeconds(30));
        assertThat(registeredFirst.hits()).isEqualTo(answerFirst.hits());
        assertThat((String) registeredFirst.hits().get(0).get("facts"))
                .contains("\"observedText\":\"FN 47?1-21\"").contains("\"registeredBy\":\"CD-PNC\"");

        ItemRegisteredUnmarked earlier = registered(ANSWERED.minusSeconds(2));
        assertThat(new Views().project(earlier, REQUESTED, NOT_FOUND).sweep(ANSWERED.plusSeconds(30)).hits()).isEmpty();
    }

    @Test
    void theSweepLooksBackOnlyOverRecentAnswersAndNeverReopensAHit() {
        ItemMarked later = marked(ANSWERED.plusMillis(1));
        Views late = new Views().project(later, REQUESTED, NOT_FOUND)
                .sweep(ANSWERED.plus(TraceHits.CATCH_UP).plusSeconds(1));
        assertThat(late.hits()).as("answered longer ago than the views ever lag").isEmpty();

        Views views = new Views().project(later, REQUESTED, NOT_FOUND).sweep(ANSWERED.plusSeconds(10));
        views.book.resolve("hit:" + TRACE + ":" + RIFLE, "investigated", ANSWERED.plusSeconds(15).toString());
        views.sweep(ANSWERED.plusSeconds(20));
        assertThat(views.hits()).singleElement().satisfies(hit -> assertThat(hit.get("status")).isEqualTo("RESOLVED"));
    }
}
