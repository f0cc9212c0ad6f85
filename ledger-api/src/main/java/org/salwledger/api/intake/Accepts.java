package org.salwledger.api.intake;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The signed command an endpoint takes, and the class its payload is read into: the OpenAPI
 * description documents the envelope, the payload's schema and a signed example from it
 * ({@code openapi/examples/<type>.json}). The handler's {@code verifier.verify} names the same pair.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Accepts.List.class)
public @interface Accepts {
    String type();

    Class<?> body();

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        Accepts[] value();
    }
}
