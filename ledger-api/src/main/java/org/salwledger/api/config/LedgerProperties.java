package org.salwledger.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code ledger.*} settings with their defaults; README "Configuration" has the table (and the variables).
 * Spring's configuration processor turns these records into metadata that IDEs complete.
 *
 * @param dataDir     H2 files, generated keys and the log anchor; relative paths are to the working directory
 * @param admin       the bootstrap administrator
 * @param commands    limits on signed commands
 * @param sessions    read sessions
 * @param log         the transparency log
 * @param alerts      diversion alerts
 * @param integrity   the start-up integrity check
 * @param aggregates  how aggregates are loaded
 * @param events      how views and the log writer read the event store
 * @param reads       reads that must see a write
 * @param protection  personal data sealed at rest
 * @param views       the read models
 */
@ConfigurationProperties("ledger")
public record LedgerProperties(Path dataDir, @DefaultValue Admin admin, @DefaultValue Commands commands,
                               @DefaultValue Sessions sessions, @DefaultValue Log log, @DefaultValue Alerts alerts,
                               @DefaultValue Integrity integrity, @DefaultValue Aggregates aggregates,
                               @DefaultValue Events events, @DefaultValue Reads reads,
                               @DefaultValue Protection protection, @DefaultValue Views views) {

    /**
     * The bootstrap administrator.
     *
     * @param publicKey base64 raw Ed25519 public key; empty: generated into the data dir
     * @param country   the administrator's (operating State's) ISO 3166-1 alpha-2 country
     */
    public record Admin(String publicKey, @DefaultValue("BE") String country) {}

    /**
     * @param maxClockSkew how far a command's issuedAt may be from the ledger's clock
     * @param maxBodyBytes larger request bodies are refused (413 body-too-large)
     * @param maxGroup     most commands written in one database transaction (group commit; 1 commits each alone)
     */
    public record Commands(@DefaultValue("PT5M") Duration maxClockSkew, @DefaultValue("4194304") long maxBodyBytes,
                           @DefaultValue("64") int maxGroup) {}

    /** @param ttl lifetime of a read session's bearer token */
    public record Sessions(@DefaultValue("PT1H") Duration ttl) {}

    /**
     * The transparency log.
     *
     * @param origin             the checkpoint origin line (C2SP)
     * @param privateKey         the log's base64 Ed25519 seed; empty: generated into the data dir
     * @param checkpointInterval how often a grown log is signed
     * @param maxLag             readiness is DOWN while the log writer trails the event store by more positions
     * @param anchor             the last checkpoint this node signed, kept outside the database
     * @param witnessPolicy      a witness policy file (witnesses, their URLs, the quorum): checkpoints are submitted
     *                           to them and count as published once a quorum cosigned; empty: no witnesses
     * @param witnessTimeout     how long one witness may take to answer before it counts as down this round
     */
    public record Log(@DefaultValue("example.org/salw-custody-ledger") String origin, String privateKey,
                      @DefaultValue("PT1S") Duration checkpointInterval, @DefaultValue("100000") long maxLag, Path anchor,
                      Path witnessPolicy, @DefaultValue("PT5S") Duration witnessTimeout) {}

    /** @param tailRecords records at the log's end that the start-up check recomputes from the event store */
    public record Integrity(@DefaultValue("1000") int tailRecords) {}

    /**
     * Diversion alerts.
     *
     * @param scanInterval          how often time-based alerts are swept
     * @param markDeadline          how long an IMPORT, STATE_TO_CIVILIAN or CONFISCATION mark may be missing
     * @param traceAcknowledgement  deadline of a trace request's acknowledgement
     * @param traceAnswer           deadline of a trace request's answer
     * @param traceInformation      deadline of the requester's further information
     */
    public record Alerts(@DefaultValue("PT10S") Duration scanInterval, @DefaultValue("P30D") Duration markDeadline,
                         @DefaultValue("P2D") Duration traceAcknowledgement, @DefaultValue("P30D") Duration traceAnswer,
                         @DefaultValue("P30D") Duration traceInformation) {}

    /**
     * @param snapshotEvery records between aggregate snapshots
     * @param cache         cache aggregates in memory: only where one node alone writes to the database
     * @param cacheSize     aggregates the cache keeps, the last used
     */
    public record Aggregates(@DefaultValue("50") int snapshotEvery, @DefaultValue("true") boolean cache,
                             @DefaultValue("50000") long cacheSize) {}

    /**
     * @param fetchDelay how long the event store's reader waits before it polls again after finding nothing
     *                   new: the longest a record appended by another node (or missed by a notification) waits
     *                   for the views and the log
     */
    public record Events(@DefaultValue("PT0.1S") Duration fetchDelay) {}

    /** @param maxWait how long a read with {@code Ledger-After} waits for the views to show that write */
    public record Reads(@DefaultValue("PT5S") Duration maxWait) {}

    /** @param key base64 of 32 bytes sealing civilian licence references at rest; the same on every node */
    public record Protection(String key) {}

    /**
     * @param rebuild at start, empty the views and project them again from the first record of the event store
     *                (the transparency log and the write side are not touched); readiness is DOWN until done
     */
    public record Views(@DefaultValue("false") boolean rebuild) {}
}
