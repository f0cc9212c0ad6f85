package org.salwledger.api;

import org.salwledger.cli.WitnessServer;
import org.salwledger.core.crypto.SigningKey;
import org.salwledger.core.log.NoteVerifierKey;
import org.salwledger.core.witness.Witness;
import org.salwledger.core.witness.WitnessState;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Witnesses as `ledger witness` runs them, on fixed local ports (so one can be stopped and restarted), for one log key. */
final class TestWitnesses implements AutoCloseable {
    static final String ORIGIN = "example.org/salw-custody-ledger";

    private final SigningKey logKey;
    private final Path stateDir;
    private final List<SigningKey> keys = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private final List<WitnessServer> servers = new ArrayList<>();

    TestWitnesses(int count, SigningKey logKey, Path stateDir) throws IOException {
        this.logKey = logKey;
        this.stateDir = stateDir;
        for (int i = 0; i < count; i++) {
            keys.add(SigningKey.generate());
            try (ServerSocket free = new ServerSocket(0)) {
                ports.add(free.getLocalPort());
            }
            servers.add(null);
            start(i);
        }
    }

    static String name(int i) {
        return "witness.example/w" + (i + 1);
    }

    int port(int i) {
        return ports.get(i);
    }

    /** Starts witness {@code i} over its state directory (again, after {@link #stop}). */
    void start(int i) throws IOException {
        Witness witness = new Witness(name(i), keys.get(i), List.of(NoteVerifierKey.of(ORIGIN, logKey.publicKey())),
                new WitnessState(stateDir.resolve("witness-" + i)), Clock.systemUTC());
        servers.set(i, new WitnessServer(witness, new InetSocketAddress("127.0.0.1", ports.get(i))).start());
    }

    void stop(int i) {
        servers.get(i).close();
        servers.set(i, null);
    }

    /** A witness policy naming every witness with its URL. */
    String policy(int quorum) {
        StringBuilder policy = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            policy.append("witness ").append(org.salwledger.core.witness.Cosignature.verifierKey(name(i), keys.get(i)).encode())
                    .append(" http://127.0.0.1:").append(ports.get(i)).append('\n');
        }
        return policy.append("quorum ").append(quorum).append('\n').toString();
    }

    @Override
    public void close() {
        for (int i = 0; i < servers.size(); i++) {
            if (servers.get(i) != null) {
                stop(i);
            }
        }
    }
}
