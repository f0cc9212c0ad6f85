package org.salwledger.api.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.Map;

/**
 * {@code ledger.data-dir} as the operator wrote it, relative ({@code data}) or absolute, made absolute
 * before anything uses it: H2 refuses a database URL with a path implicitly relative to the working
 * directory, and every file the ledger keeps there (keys, the log anchor) should name one place.
 */
public class DataDirectory implements EnvironmentPostProcessor {
    static final String PROPERTY = "ledger.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            return;
        }
        String absolute = absolute(configured);
        if (!absolute.equals(configured)) {
            environment.getPropertySources().addFirst(new MapPropertySource("ledger-data-dir",
                    Map.of(PROPERTY, absolute)));
        }
    }

    static String absolute(String configured) {
        return Path.of(configured).toAbsolutePath().normalize().toString();
    }
}
