package org.salwledger.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Where {@code --url}, {@code --key}, {@code --actor} and {@code --token} come from when not given:
 * the environment ({@code LEDGER_URL}, {@code LEDGER_KEY}, {@code LEDGER_ACTOR}, {@code LEDGER_TOKEN}), else the properties file named by
 * {@code LEDGER_PROFILE} ({@code url=}, {@code key=}, {@code actor=}), so a clerk who always signs
 * as one actor types neither. Only the commands that sign or read as one actor take them: verify's
 * {@code --url} is one of two exclusive sources and never defaulted.
 */
final class Profile implements CommandLine.IDefaultValueProvider {
    private static final Set<String> COMMANDS = Set.of("submit", "sign", "session", "get", "bench", "generate",
            "search-bench");
    private static final Map<String, String> OPTIONS = Map.of("--url", "url", "--key", "key", "--actor", "actor",
            "--token", "token");

    private final Map<String, String> environment;
    private Properties file;

    Profile(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option) || argument.command() == null
                || !COMMANDS.contains(argument.command().name())) {
            return null;
        }
        String name = OPTIONS.get(option.longestName());
        if (name == null) {
            return null;
        }
        String fromEnvironment = environment.get("LEDGER_" + name.toUpperCase(java.util.Locale.ROOT));
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        return profile().getProperty(name);
    }

    private Properties profile() {
        if (file == null) {
            file = new Properties();
            String path = environment.get("LEDGER_PROFILE");
            if (path != null && !path.isBlank()) {
                try (Reader reader = Files.newBufferedReader(Path.of(path))) {
                    file.load(reader);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the LEDGER_PROFILE file " + path, e);
                }
            }
        }
        return file;
    }
}
