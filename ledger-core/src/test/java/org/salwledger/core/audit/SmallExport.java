package org.salwledger.core.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.salwledger.core.actor.ActorRegistered;
import org.salwledger.core.actor.ActorStreams;
import org.salwledger.core.chain.ChainHead;
import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.LedgerRecords;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Role;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.crypto.Dsse;
import org.salwledger.core.crypto.DsseEnvelope;
import org.salwledger.core.crypto.SigningKey;
import org.salwledger.core.item.description.ItemKind;
import org.salwledger.core.item.description.Material;
import org.salwledger.core.item.description.Production;
import org.salwledger.core.item.description.WeaponCategory;
import org.salwledger.core.item.event.ItemManufactured;
import org.salwledger.core.log.Checkpoint;
import org.salwledger.core.log.MerkleHashes;
import org.salwledger.core.log.MerkleTree;
import org.salwledger.core.log.NoteVerifierKey;
import org.salwledger.core.log.SignedNote;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The small export of docs/ledger-format.md §5.7, built from fixed keys and times the way the ledger
 * builds it: the admin's registration (no envelope), a manufacturer registered by the admin, and
 * one item it manufactured. Ed25519 is deterministic, so every byte is reproducible.
 */
final class SmallExport {
    static final SigningKey ADMIN = SigningKey.fromSeed(filled(1));
    static final SigningKey FNH = SigningKey.fromSeed(filled(2));
    static final SigningKey LOG = SigningKey.fromSeed(filled(3));
    static final SigningKey OTHER = SigningKey.fromSeed(filled(4));
    static final String ORIGIN = "example.org/salw-custody-ledger";
    /** The rifle's item id: the UUID v3 of "item:" + its manufacture envelope's hash (docs §2). */
    static final String ITEM = itemId(manufacture(FNH));

    final List<String> lines = new ArrayList<>();
    final String checkpoint;
    final byte[] root;
    /** The three records in log order, the envelope behind each (null for the bootstrap record), and their tree. */
    final List<ObjectNode> records = new ArrayList<>();
    final List<DsseEnvelope> envelopes;
    final MerkleTree tree;

    SmallExport() {
        this(FNH);
    }

    /** With the manufacture command signed by {@code manufactureSigner} while it still names BE-FNH as its actor. */
    SmallExport(SigningKey manufactureSigner) {
        this(envelope -> manufacture(manufactureSigner));
    }

    /** With the manufacture envelope as {@code manufactureEnvelope} makes it from the one BE-FNH signed. */
    SmallExport(java.util.function.UnaryOperator<DsseEnvelope> manufactureEnvelope) {
        Instant t0 = Instant.parse("2026-11-24T09:00:00Z");
        Instant t1 = Instant.parse("2026-11-24T09:05:00Z");
        Instant t2 = Instant.parse("2026-11-24T10:00:00Z");
        List<LedgerEvent> events = new ArrayList<>();
        List<DsseEnvelope> envelopes = new ArrayList<>();
        this.envelopes = envelopes;

        CommandOrigin bootstrap = new CommandOrigin("ledger", Role.ADMIN, "BE", null, t0, t0.plusMillis(120));
        events.add(ChainHead.start(ActorStreams.of("admin")).seal(link -> new ActorRegistered("admin",
                "Ledger administrator", Role.ADMIN, "BE", ADMIN.publicKeyBase64(), ADMIN.keyId(), t0.toString(),
                "ledger", link), bootstrap));
        envelopes.add(null);

        DsseEnvelope register = envelope(ADMIN, command("RegisterActor", "admin", "nonce-register-fnh-0001", t1)
                .put("actorId", "BE-FNH").put("name", "FN Herstal").put("role", "MANUFACTURER").put("country", "BE")
                .put("publicKey", FNH.publicKeyBase64()));
        CommandOrigin byAdmin = new CommandOrigin("admin", Role.ADMIN, "BE", register.hash(), t1, t1.plusMillis(80));
        events.add(ChainHead.start(ActorStreams.of("BE-FNH")).seal(link -> new ActorRegistered("BE-FNH", "FN Herstal",
                Role.MANUFACTURER, "BE", FNH.publicKeyBase64(), FNH.keyId(), t1.toString(), "admin", link), byAdmin));
        envelopes.add(register);

        DsseEnvelope manufacture = manufactureEnvelope.apply(manufacture(FNH));
        CommandOrigin byFnh = new CommandOrigin("BE-FNH", Role.MANUFACTURER, "BE", manufacture.hash(), t2,
                t2.plusMillis(250));
        String item = itemId(manufacture);
        events.add(ChainHead.start(item).seal(link -> new ItemManufactured(item, ItemKind.WEAPON,
                WeaponCategory.ASSAULT_RIFLE, null, null, "FN Herstal", "SCAR-L", "5.56x45mm", Material.POLYMER,
                Production.INDUSTRIAL, null, null, "BE-FNH", "BE", link), byFnh));
        envelopes.add(manufacture);

        List<byte[]> leaves = new ArrayList<>();
        List<String> body = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            LedgerEvent event = events.get(i);
            ObjectNode record = LedgerRecords.recordOf(event);
            records.add(record);
            byte[] leaf = MerkleHashes.leaf(LedgerRecords.canonicalBytes(record));
            leaves.add(leaf);
            if (envelopes.get(i) != null) {
                body.add(text(LogExport.envelopeLine(envelopes.get(i).hash(),
                        CanonicalJson.mapper().valueToTree(envelopes.get(i)))));
            }
            body.add(text(LogExport.recordLine(i, event.link().stream(), event.link().sequence(), leaf,
                    event.link().hash(), record)));
        }
        tree = new MerkleTree(leaves);
        root = tree.root(leaves.size());
        checkpoint = SignedNote.sign(new Checkpoint(ORIGIN, leaves.size(), root).text(), ORIGIN, LOG);
        lines.add(text(LogExport.logLine(ORIGIN, leaves.size(), logKey().encode(), checkpoint)));
        lines.addAll(body);
        lines.add(text(LogExport.endLine(leaves.size())));
    }

    static DsseEnvelope manufacture(SigningKey signer) {
        return envelope(signer, command("ManufactureItem", "BE-FNH", "nonce-manufacture-0001",
                Instant.parse("2026-11-24T10:00:00Z")).put("kind", "WEAPON").put("category", "ASSAULT_RIFLE")
                .put("make", "FN Herstal").put("model", "SCAR-L").put("calibre", "5.56x45mm").put("material", "POLYMER")
                .put("production", "INDUSTRIAL"));
    }

    static String itemId(DsseEnvelope manufacture) {
        return java.util.UUID.nameUUIDFromBytes(("item:" + manufacture.hash()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    static NoteVerifierKey logKey() {
        return NoteVerifierKey.of(ORIGIN, LOG.publicKey());
    }

    static ObjectNode command(String type, String actor, String nonce, Instant issuedAt) {
        return CanonicalJson.mapper().createObjectNode().put("type", type).put("actor", actor).put("nonce", nonce)
                .put("issuedAt", issuedAt.toString());
    }

    static DsseEnvelope envelope(SigningKey key, ObjectNode command) {
        return DsseEnvelope.sign(Dsse.COMMAND_PAYLOAD_TYPE, CanonicalJson.canonicalize(command), key);
    }

    String text() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lines.forEach(l -> out.writeBytes((l + "\n").getBytes(StandardCharsets.UTF_8)));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String text(byte[] line) {
        return new String(line, 0, line.length - 1, StandardCharsets.UTF_8);
    }

    private static byte[] filled(int value) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) value);
        return seed;
    }
}
