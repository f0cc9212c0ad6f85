package org.salwledger.api;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salwledger.core.crypto.SigningKey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node killed (SIGKILL) and started again at once with its views to rebuild: the dead node's claims on
 * the views' segments hold until they time out, and the rebuild waits them out instead of failing the
 * start. The claim timeout is raised to 15 s here so that the restart always finds them held.
 */
@Tag("crash")
class RebuildAfterKillTest {
    private static final SigningKey ADMIN = SigningKey.generate();
    private static final Map<String, String> CLAIMS_OF_15_S = Map.of("AXON_EVENTHANDLING_TOKENSTORE_CLAIMTIMEOUT", "15s");

    @TempDir
    Path dataDir;

    @Test
    void aRebuildRightAfterAKillWaitsOutTheDeadNodesClaims() throws Exception {
        Path log = dataDir.resolve("service.log");
        ChildLedger first = ChildLedger.start(dataDir, ADMIN, CLAIMS_OF_15_S, log);
        new LedgerTestClient(first.port, ADMIN).register("BE-FNH", "MANUFACTURER", "BE", SigningKey.generate());
        first.kill();
        assertThat(claimedSegments(first.pid())).as("views segments the killed node left claimed").isPositive();

        Map<String, String> rebuild = Map.of("AXON_EVENTHANDLING_TOKENSTORE_CLAIMTIMEOUT", "15s",
                "LEDGER_VIEWS_REBUILD", "true");
        try (ChildLedger again = ChildLedger.start(dataDir, ADMIN, rebuild, log)) {
            LedgerTestClient ledger = new LedgerTestClient(again.port, ADMIN);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> ledger.get("/actuator/health/readiness", null).status() == 200);
        }
        String service = Files.readString(log);
        assertThat(service).as("the restart met the dead node's claims (service log %s)", log)
                .contains("waiting up to the claim timeout");
        assertThat(service).contains("Views rebuilt: ");
    }

    /** Read from the H2 file while no node runs (a running node holds the file's lock). */
    private long claimedSegments(long pid) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("ledger")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
             Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery("SELECT COUNT(*) FROM tokenentry WHERE owner LIKE '" + pid + "@%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
