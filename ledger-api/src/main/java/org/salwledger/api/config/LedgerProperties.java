package org.salwledger.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/** {@code ledger.*} settings; see application.yml for the defaults. */
@ConfigurationProperties("ledger")
public record LedgerProperties(Path dataDir, Admin admin, Commands commands, Sessions sessions, Log log, Alerts alerts,
                               Integrity integrity) {

    /** The bootstrap administrator: base64 raw Ed25519 public key, or generated into the data dir. */
    public record Admin(String publicKey, String country) {}

    public record Commands(Duration maxClockSkew, long maxBodyBytes) {}

    public record Sessions(Duration ttl) {}

    /**
     * The transparency log: checkpoint origin line, its Ed25519 key (base64 seed, or generated), cadence,
     * and the file that keeps the last checkpoint signed (outside the database, beside the key).
     */
    public record Log(String origin, String privateKey, Duration checkpointInterval, Path anchor) {}

    /** The startup check: how many of the log's last records it recomputes from the event store. */
    public record Integrity(int tailRecords) {}

    /**
     * Diversion alerts: how often time-based ones are checked, how long a required mark may be missing,
     * the deadlines of a trace request's acknowledgement and answer, and of the requester's information.
     */
    public record Alerts(Duration scanInterval, Duration markDeadline, Duration traceAcknowledgement,
                         Duration traceAnswer, Duration traceInformation) {}
}
