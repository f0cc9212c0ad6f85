package org.salwledger.api.config;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat refuses an encoded slash (%2F) in a path with its own HTML error page, before the API sees it.
 * Passed through still encoded, it reaches the API as one path segment, and the id checks answer a
 * problem+json like any other bad id.
 */
@Component
public class TomcatSetup implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("passthrough"));
    }
}
