package org.salwledger.api;

import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.salwledger.api.store.ProcessorTokens;
import org.salwledger.api.store.ViewRebuild;
import org.salwledger.api.store.ViewReplay;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * After the last test of a suite, what all its tests left in the views is what a rebuild from the records
 * alone gives again ({@link ViewRebuildCheck}), and so does a rebuild cut short and finished by the views' processor.
 * Once per suite: the records of every test are in the store by then.
 */
class ViewsRebuildAfterAll implements AfterAllCallback {
    @Override
    public void afterAll(ExtensionContext context) {
        ApplicationContext spring = SpringExtension.getApplicationContext(context);
        ViewRebuildCheck.viewsRebuildToWhatTheyWere(spring.getBean(JdbcTemplate.class), spring.getBean(ViewRebuild.class),
                spring.getBean(EventProcessingConfiguration.class));
        ViewRebuildCheck.aReplayCutShortIsFinishedByTheProcessor(spring.getBean(JdbcTemplate.class),
                spring.getBean(ViewReplay.class), spring.getBean(ProcessorTokens.class),
                spring.getBean(EventProcessingConfiguration.class));
    }
}
