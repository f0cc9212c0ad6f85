package org.salwledger.api.store;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.salwledger.projections.LedgerViews;
import org.salwledger.projections.log.LogAppender;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The stored tracking tokens of a processor, every segment, whichever node owns it. Read from the token
 * store's table, never fetched through Axon's TokenStore, which would claim them: on a node that does
 * not own a segment that fails, and on the owner it would take the claim.
 */
@Component
public class ProcessorTokens {
    /** The processors that build what reads serve: the views and the transparency log. */
    public static final List<String> READ_SIDE = List.of(LedgerViews.PROCESSING_GROUP, LogAppender.PROCESSING_GROUP);

    /** One segment's token; null before the segment processed anything. */
    public record SegmentToken(int segment, TrackingToken token) {}

    private final JdbcTemplate jdbc;
    private final Serializer tokenSerializer;

    /** @param tokenSerializer the serializer Axon's token store writes tokens with (the general one) */
    public ProcessorTokens(JdbcTemplate jdbc, @Qualifier("serializer") Serializer tokenSerializer) {
        this.jdbc = jdbc;
        this.tokenSerializer = tokenSerializer;
    }

    public List<SegmentToken> of(String processor) {
        return jdbc.query("SELECT segment, token, tokenType FROM TokenEntry WHERE processorName = ?",
                (rs, i) -> new SegmentToken(rs.getInt(1), rs.getBytes(2) == null ? null
                        : tokenSerializer.<byte[], TrackingToken>deserialize(
                                new SimpleSerializedObject<>(rs.getBytes(2), byte[].class, rs.getString(3), null))),
                processor);
    }
}
