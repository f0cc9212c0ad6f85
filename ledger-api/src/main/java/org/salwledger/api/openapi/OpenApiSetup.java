package org.salwledger.api.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.salwledger.api.auth.Reader;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;

/**
 * The OpenAPI description's title, version and authentication: reads take a session's bearer token
 * (Swagger UI's Authorize fills it in); commands carry their own signature in the DSSE envelope.
 */
@Configuration
public class OpenApiSetup {
    static final String SESSION = "session";

    @Bean
    public OpenAPI ledgerOpenApi(BuildProperties build) {
        return new OpenAPI()
                .info(new Info().title("SALW custody ledger").version(build.getVersion())
                        .description("Chain-of-custody records of small arms and light weapons. Commands are DSSE "
                                + "envelopes signed with the actor's Ed25519 key (docs/ledger-format.md §1-2); reads take "
                                + "the bearer token of a session opened with a signed OpenSession (POST /api/v1/sessions)."))
                .components(new Components().addSecuritySchemes(SESSION, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("token from POST /api/v1/sessions")));
    }

    /** An operation that takes a {@link Reader} needs the bearer token. */
    static boolean needsSession(org.springframework.web.method.HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.getParameterType() == Reader.class);
    }

    @Bean
    public OperationCustomizer sessionRequirement() {
        return (operation, handler) -> {
            if (needsSession(handler)) {
                operation.addSecurityItem(new SecurityRequirement().addList(SESSION));
            }
            return operation;
        };
    }
}
