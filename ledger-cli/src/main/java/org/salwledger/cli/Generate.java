package org.salwledger.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.salwledger.core.crypto.CanonicalJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fills a ledger with realistic data over its real API, every command signed: manufacturers make and
 * mark items with their own serial formats; one item in 50 is exported to an importing State, received
 * and import-marked; one in 500 of those is then stolen, and one in 1,000 recovered with two characters of
 * its serial obliterated. Resumable with --from; keys derive from --seed.
 */
@Command(name = "generate", description = "Fill a ledger with realistic signed data (items, marks, exports, thefts, recoveries).")
final class Generate implements Callable<Integer> {
    @Option(names = "--url", defaultValue = LedgerCli.URL, description = LedgerCli.URL_HELP)
    String url;
    @Option(names = "--admin-key", required = true, description = "the admin's private key file (data/admin.key)")
    Path adminKey;
    @Option(names = "--items", defaultValue = "10000", description = "items to create")
    long items;
    @Option(names = "--from", defaultValue = "0", description = "first item number (to resume a run)")
    long from;
    @Option(names = "--clients", defaultValue = "8")
    int clients;
    @Option(names = "--seed", defaultValue = "salw-ledger", description = "derives every actor's key")
    String seed;
    @Option(names = "--run", defaultValue = "GEN", description = "prefix of the actor ids")
    String run;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        LedgerClient client = new LedgerClient(url);
        registerActors(client);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong next = new AtomicLong(from);
        AtomicLong done = new AtomicLong();
        AtomicLong commands = new AtomicLong();
        long end = from + items;
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                for (long i = next.getAndIncrement(); i < end; i = next.getAndIncrement()) {
                    commands.addAndGet(item(client, i));
                    long n = done.incrementAndGet();
                    if (n % 10_000 == 0) {
                        double s = (System.nanoTime() - started) / 1e9;
                        out.printf(Locale.ROOT, "%d items, %d commands, %.0f s, %.0f commands/s%n", n, commands.get(), s,
                                commands.get() / s);
                        out.flush();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(Locale.ROOT, "generated items %d..%d: %d signed commands in %.0f s, %.0f commands/s%n", from, end - 1,
                commands.get(), seconds, commands.get() / seconds);
        return 0;
    }

    private void registerActors(LedgerClient client) throws Exception {
        CommandSigner admin = new CommandSigner(KeyFiles.read(adminKey), "admin");
        for (GeneratedLedger.Maker maker : GeneratedLedger.MAKERS) {
            register(client, admin, maker.actorId(run), maker.make(), "MANUFACTURER", maker.country());
        }
        for (String country : GeneratedLedger.IMPORTERS) {
            register(client, admin, GeneratedLedger.authority(run, country), "National authority " + country, "AUTHORITY",
                    country);
            register(client, admin, GeneratedLedger.police(run, country), "National police " + country,
                    "LAW_ENFORCEMENT", country);
        }
    }

    private void register(LedgerClient client, CommandSigner admin, String actorId, String name, String role,
                          String country) throws Exception {
        ObjectNode register = GeneratedLedger.command("RegisterActor").put("actorId", actorId).put("name", name)
                .put("role", role).put("country", country)
                .put("publicKey", GeneratedLedger.keyOf(seed, actorId).publicKeyBase64());
        LedgerClient.Answer answer = client.post("/api/v1/actors", admin.signToJson(register));
        if (answer.status() != 201 && answer.status() != 409) {
            throw new IllegalStateException("registering " + actorId + ": " + answer.body());
        }
    }

    /** The commands of one item's life; answers how many were sent. */
    private int item(LedgerClient client, long i) throws Exception {
        GeneratedLedger.Maker maker = GeneratedLedger.makerOf(i);
        GeneratedLedger.Model model = GeneratedLedger.modelOf(i);
        String makerId = maker.actorId(run);
        CommandSigner signer = signer(makerId);
        ObjectNode manufacture = GeneratedLedger.command("ManufactureItem").put("kind", "WEAPON")
                .put("category", model.category()).put("identityComponent", model.identityComponent())
                .put("make", maker.make()).put("model", model.model()).put("calibre", model.calibre())
                .put("material", model.material()).put("production", "INDUSTRIAL")
                .put("yearOfManufacture", 2020 + (int) (i % 7));
        String itemId = CanonicalJson.mapper().readTree(send(client, signer, manufacture)).get("itemId").asText();
        String serial = GeneratedLedger.serialOf(i);
        send(client, signer, GeneratedLedger.command("MarkItem").put("itemId", itemId).put("markType", "MANUFACTURE")
                .put("serial", serial).put("text", maker.make().toUpperCase(Locale.ROOT) + " " + maker.country() + " " + serial)
                .put("component", model.identityComponent())
                .put("method", model.material().equals("POLYMER") ? "EMBEDDED_METAL_PLATE" : "LASER"));
        if (i % 50 != 0) {
            return 2;
        }
        String importer = GeneratedLedger.IMPORTERS.get((int) ((i / 50) % GeneratedLedger.IMPORTERS.size()));
        String authority = GeneratedLedger.authority(run, importer);
        CommandSigner authoritySigner = signer(authority);
        ObjectNode dispatch = GeneratedLedger.command("DispatchTransfer").put("consignee", authority).put("kind", "EXPORT")
                .put("dueBy", LocalDate.now().plusDays(60).toString()).put("exportLicence", maker.country() + "-EXP-" + i)
                .put("importingCountry", importer).put("endUserCertificate", importer + "-EUC-" + i);
        dispatch.putArray("itemIds").add(itemId);
        String transferId = CanonicalJson.mapper().readTree(send(client, signer, dispatch)).get("transferId").asText();
        send(client, authoritySigner, GeneratedLedger.command("ReceiveTransfer").put("transferId", transferId));
        send(client, authoritySigner, GeneratedLedger.command("MarkItem").put("itemId", itemId).put("markType", "IMPORT")
                .put("text", importer + " " + LocalDate.now().getYear()).put("component", model.identityComponent())
                .put("method", "LASER"));
        if (i % 25_000 != 0) {
            return 5;
        }
        send(client, authoritySigner, GeneratedLedger.command("ReportStolen").put("itemId", itemId)
                .put("place", "armoury, " + importer));
        if (i % 50_000 != 0) {
            return 6;
        }
        ObjectNode recovered = GeneratedLedger.command("ReportRecovered").put("itemId", itemId).put("place", "border post")
                .put("circumstances", "found in a vehicle");
        recovered.putArray("observedMarkings").addObject()
                .put("text", serial.substring(0, 4) + "??" + serial.substring(6)).put("component", model.identityComponent())
                .put("obliterated", true);
        send(client, signer(GeneratedLedger.police(run, importer)), recovered);
        return 7;
    }

    private CommandSigner signer(String actorId) {
        return new CommandSigner(GeneratedLedger.keyOf(seed, actorId), actorId);
    }

    private static String send(LedgerClient client, CommandSigner signer, ObjectNode command) throws Exception {
        LedgerClient.Answer answer = client.post(CommandRoutes.pathFor(command), signer.signToJson(command));
        if (answer.status() != 201) {
            throw new IllegalStateException(command.get("type").asText() + " refused: " + answer.body());
        }
        return answer.body();
    }
}
