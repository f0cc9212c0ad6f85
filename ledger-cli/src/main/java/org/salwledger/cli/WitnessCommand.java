package org.salwledger.cli;

import org.salwledger.core.crypto.SeedFiles;
import org.salwledger.core.crypto.SigningKey;
import org.salwledger.core.log.NoteVerifierKey;
import org.salwledger.core.witness.Witness;
import org.salwledger.core.witness.WitnessState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "witness", description = {
        "Run a transparency-log witness (C2SP tlog-witness): it cosigns a log's checkpoint only when the log",
        "signed it and it extends, by a consistency proof, the last one this witness cosigned. Prints the line",
        "to put in a witness policy, then serves POST /add-checkpoint until stopped."})
final class WitnessCommand implements Callable<Integer> {
    @Option(names = "--name", required = true, description = "the witness's key name, e.g. witness.example.org/w1")
    String name;
    @Option(names = "--key", required = true, description = "the witness's private key file (created if missing)")
    Path key;
    @Option(names = "--log", required = true, description = "a log's verifier key (vkey text or file) this witness "
            + "serves; its name is the log's origin. Repeat for more logs")
    List<String> logs;
    @Option(names = "--state", required = true, description = "directory of the latest cosigned checkpoint per log")
    Path state;
    @Option(names = "--listen", defaultValue = "127.0.0.1:7380", description = "host:port to listen on")
    String listen;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SigningKey signingKey = SeedFiles.readOrCreate(key);
        List<NoteVerifierKey> logKeys = new java.util.ArrayList<>();
        for (String log : logs) {
            logKeys.add(NoteVerifierKey.parse(Verify.textOrFile(log)));
        }
        Witness witness = new Witness(name, signingKey, logKeys, new WitnessState(state), Clock.systemUTC());
        int colon = listen.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("--listen is host:port");
        }
        InetSocketAddress address = new InetSocketAddress(listen.substring(0, colon), Integer.parseInt(listen.substring(colon + 1)));
        WitnessServer server = new WitnessServer(witness, address).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        spec.commandLine().getOut().println("witness " + witness.verifierKey().encode() + " " + server.url());
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
