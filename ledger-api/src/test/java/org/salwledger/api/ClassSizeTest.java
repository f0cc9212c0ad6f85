package org.salwledger.api;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A class in src/main over 300 lines says why in its own comment ("Over 300 lines because ..."). */
class ClassSizeTest {
    private static final int LIMIT = 300;

    @Test
    void longClassesSayWhy() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(root)) {
            sources = files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/"))
                    .filter(p -> !p.toString().contains("/target/")).toList();
        }
        assertThat(sources).as("the modules' sources under " + root).hasSizeGreaterThan(100)
                .anyMatch(p -> p.endsWith("org/salwledger/core/item/Item.java"));
        List<String> unexplained = sources.stream().filter(ClassSizeTest::longWithoutReason)
                .map(p -> root.relativize(p).toString()).sorted().toList();
        assertThat(unexplained).as("classes over %d lines without an \"Over %d lines because\" comment", LIMIT, LIMIT)
                .isEmpty();
    }

    private static boolean longWithoutReason(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.size() > LIMIT && lines.stream().noneMatch(l -> l.contains("Over " + LIMIT + " lines because"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
