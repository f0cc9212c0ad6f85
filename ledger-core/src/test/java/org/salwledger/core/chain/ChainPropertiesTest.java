package org.salwledger.core.chain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.salwledger.core.command.Role;
import org.salwledger.core.command.CommandOrigin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChainPropertiesTest {

    record Noted(String note, RecordLink link) implements LedgerEvent {
        @Override
        public String statedBy() {
            return "a";
        }
    }

    private static List<Noted> sealAll(List<String> notes) {
        ChainHead head = ChainHead.start("stream-1");
        List<Noted> events = new ArrayList<>();
        Instant t = Instant.parse("2026-11-24T10:00:00Z");
        for (String note : notes) {
            CommandOrigin origin = new CommandOrigin("a", Role.MANUFACTURER, "BE", "ab".repeat(32), t, t);
            Noted event = head.seal(link -> new Noted(note, link), origin);
            events.add(event);
            head = head.after(event.link());
            t = t.plusSeconds(1);
        }
        return events;
    }

    @Property
    void everyRecordChainsToThePreviousAndHashesItsOwnBytes(@ForAll @Size(min = 1, max = 30) List<@StringLength(max = 40) String> notes) {
        List<Noted> events = sealAll(notes);
        String prev = LedgerRecords.GENESIS;
        for (int i = 0; i < events.size(); i++) {
            RecordLink link = events.get(i).link();
            assertThat(link.sequence()).isEqualTo(i);
            assertThat(link.prevHash()).isEqualTo(prev);
            assertThat(LedgerRecords.hashMatches(events.get(i))).isTrue();
            prev = link.hash();
        }
    }

    @Property
    void changingAFactBreaksTheHash(@ForAll @Size(min = 1, max = 10) List<@StringLength(max = 40) String> notes,
                                    @ForAll @StringLength(min = 1, max = 5) String extra) {
        Noted original = sealAll(notes).get(0);
        Noted tampered = new Noted(original.note() + extra, original.link());
        assertThat(LedgerRecords.hashMatches(tampered)).isFalse();
    }
}
