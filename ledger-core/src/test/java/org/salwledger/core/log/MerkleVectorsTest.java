package org.salwledger.core.log;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 6962 / CT vectors as transparency-dev/merkle publishes them (TLOG-VECTORS.md §3.1). */
class MerkleVectorsTest {
    private static final HexFormat HEX = HexFormat.of();
    static final List<byte[]> LEAVES = Stream.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f").map(HEX::parseHex).toList();
    static final MerkleTree TREE = new MerkleTree(LEAVES.stream().map(MerkleHashes::leaf).toList());

    private static List<byte[]> hexes(String csv) {
        return csv.isBlank() ? List.of() : Arrays.stream(csv.split(" ")).map(HEX::parseHex).toList();
    }

    private static final String L0 = "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d";
    private static final String L1 = "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7";
    private static final String L2 = "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7";
    private static final String L3 = "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7";
    private static final String L4 = "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b";
    private static final String L6 = "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f";
    private static final String N23 = "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e";
    private static final String N4567 = "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4";
    private static final String N67 = "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0";
    private static final String R2 = "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125";
    private static final String R4 = "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7";
    private static final String N45 = "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a";
    private static final String N456 = "837dbb152e9b079010717e84e865da4ebc0fa198a806d59d31bf15accef22d0e";

    @Test
    void hasherUnitVectors() {
        assertThat(HEX.formatHex(MerkleHashes.leaf("L123456".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56");
        assertThat(HEX.formatHex(MerkleHashes.node("N123".getBytes(StandardCharsets.US_ASCII), "N456".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb");
        assertThat(HEX.formatHex(MerkleHashes.EMPTY_ROOT)).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(HEX.formatHex(MerkleHashes.leaf(new byte[0]))).isEqualTo(L0);
    }

    @ParameterizedTest(name = "MTH of the first {0} leaves")
    @CsvSource({
            "0, e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "1, 6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "2, fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "3, aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "4, d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "5, 4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "6, 76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "7, ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "8, 5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"})
    void roots(int n, String root) {
        assertThat(HEX.formatHex(TREE.root(n))).isEqualTo(root);
    }

    @Test
    void inclusionProofs() {
        assertInclusion(0, 1, "");
        assertInclusion(0, 8, L1 + " " + N23 + " " + N4567);
        assertInclusion(5, 8, L4 + " " + N67 + " " + R4);
        assertInclusion(2, 3, R2);
        assertInclusion(1, 5, L0 + " " + N23 + " " + L4);
    }

    private static void assertInclusion(int index, int size, String expected) {
        List<byte[]> proof = TREE.inclusionProof(index, size);
        assertThat(proof.stream().map(HEX::formatHex).toList()).isEqualTo(hexes(expected).stream().map(HEX::formatHex).toList());
        assertThat(MerkleProofs.verifyInclusion(index, size, MerkleHashes.leaf(LEAVES.get(index)), proof, TREE.root(size))).isTrue();
    }

    @Test
    void consistencyProofs() {
        assertConsistency(1, 1, "");
        assertConsistency(1, 8, L1 + " " + N23 + " " + N4567);
        assertConsistency(6, 8, N45 + " " + N67 + " " + R4);
        assertConsistency(2, 5, N23 + " " + L4);
        assertConsistency(6, 7, N45 + " " + L6 + " " + R4);
        assertConsistency(3, 7, L2 + " " + L3 + " " + R2 + " " + N456);
        assertConsistency(4, 7, N456);
    }

    private static void assertConsistency(int from, int to, String expected) {
        List<byte[]> proof = TREE.consistencyProof(from, to);
        assertThat(proof.stream().map(HEX::formatHex).toList()).isEqualTo(hexes(expected).stream().map(HEX::formatHex).toList());
        assertThat(MerkleProofs.verifyConsistency(from, to, TREE.root(from), TREE.root(to), proof)).isTrue();
    }

    @Test
    void transparencyDevHappyPathJson() {
        Base64.Decoder b64 = Base64.getDecoder();
        List<byte[]> proof = Stream.of("vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=", "yoVOoSjtBQtBs1/8G4e46yveRh6eO1WW7Oa51ZdaCuA=",
                "037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc=").map(b64::decode).toList();
        assertThat(MerkleProofs.verifyInclusion(5, 8, b64.decode("QnGia+DYqE8L1UyMMC58s6O10fpngKQLzOKHNHfatlg="), proof,
                b64.decode("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg="))).isTrue();
    }
}
