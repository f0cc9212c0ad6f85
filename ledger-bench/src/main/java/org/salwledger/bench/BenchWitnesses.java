package org.salwledger.bench;

import org.salwledger.cli.WitnessServer;
import org.salwledger.core.crypto.SigningKey;
import org.salwledger.core.log.NoteVerifierKey;
import org.salwledger.core.witness.Witness;
import org.salwledger.core.witness.WitnessState;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code -Dbench.witnesses=N}: N witnesses (`ledger witness`'s server, in the harness's JVM) and a policy of a
 * majority of them for the node, so "log lag" becomes the time from acknowledgement to a checkpoint the
 * quorum cosigned. None by default.
 */
final class BenchWitnesses implements AutoCloseable {
    private static final String ORIGIN = "example.org/salw-custody-ledger";

    private final List<WitnessServer> servers = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>();
    private final int quorum;

    BenchWitnesses(int count, Path dir) throws IOException {
        this.quorum = count / 2 + 1;
        if (count == 0) {
            return;
        }
        SigningKey logKey = SigningKey.generate();
        StringBuilder policy = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String name = "bench.example/w" + (i + 1);
            Witness witness = new Witness(name, SigningKey.generate(), List.of(NoteVerifierKey.of(ORIGIN, logKey.publicKey())),
                    new WitnessState(dir.resolve("witness-" + i)), Clock.systemUTC());
            WitnessServer server = new WitnessServer(witness, new InetSocketAddress("127.0.0.1", 0)).start();
            servers.add(server);
            policy.append("witness ").append(witness.verifierKey().encode()).append(' ').append(server.url()).append('\n');
        }
        Path file = Files.writeString(dir.resolve("witnesses.policy"), policy.append("quorum ").append(quorum).append('\n'));
        environment.put("LEDGER_LOG_PRIVATE_KEY", logKey.seedBase64());
        environment.put("LEDGER_LOG_WITNESS_POLICY", file.toString());
    }

    /** The node's environment: {@code base} and, with witnesses, the log key they trust and the policy. */
    Map<String, String> environment(Map<String, String> base) {
        Map<String, String> all = new HashMap<>(base);
        all.putAll(environment);
        return all;
    }

    /** How the path is named in the table: with its witnesses, if any. */
    String describe(String path) {
        return servers.isEmpty() ? path : path + ", " + servers.size() + " witnesses (quorum " + quorum + ")";
    }

    @Override
    public void close() {
        servers.forEach(WitnessServer::close);
    }
}
