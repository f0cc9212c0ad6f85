package org.salwledger.core.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class SeedFilesTest {

    @Test
    void aGeneratedKeyIsOwnerOnlyAndReadBackTheSame(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/log.key");
        SigningKey created = SeedFiles.readOrCreate(file);
        assertThat(SeedFiles.readOrCreate(file)).isEqualTo(created);
        assertThat(SeedFiles.read(file).keyId()).isEqualTo(created.keyId());
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }
}
