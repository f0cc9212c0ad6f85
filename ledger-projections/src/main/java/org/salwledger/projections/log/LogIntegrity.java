package org.salwledger.projections.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether this node can still vouch for what it stores. The first violation found anywhere (startup
 * check, a read, a write, the log's writer, the signer) is kept until the service restarts: from then
 * on it appends and signs nothing and reports DOWN, because a ledger that found its past changed must
 * not build on it. An operator investigates, restores, and restarts; the startup check decides again.
 */
@Component
public class LogIntegrity {
    private static final Logger log = LoggerFactory.getLogger(LogIntegrity.class);

    private final AtomicReference<IntegrityViolation> broken = new AtomicReference<>();

    /** Keeps the violation (the first one wins) and returns it, to be thrown. */
    public IntegrityViolation report(IntegrityViolation violation) {
        if (broken.compareAndSet(null, violation)) {
            log.error("LEDGER INTEGRITY FAILURE, refusing writes and signatures until restart: {}", violation.getMessage());
        }
        return violation;
    }

    public Optional<IntegrityViolation> violation() {
        return Optional.ofNullable(broken.get());
    }

    /** Throws the kept violation, if any: nothing may be appended or signed on a store the ledger cannot vouch for. */
    public void requireIntact() {
        IntegrityViolation violation = broken.get();
        if (violation != null) {
            throw violation;
        }
    }

    public boolean intact() {
        return broken.get() == null;
    }
}
