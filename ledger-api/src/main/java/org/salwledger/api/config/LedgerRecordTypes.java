package org.salwledger.api.config;

import org.salwledger.core.chain.LedgerEvent;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.List;

/** Every ledger record type ({@link LedgerEvent}) on the class path, found once at start-up. */
final class LedgerRecordTypes {
    private LedgerRecordTypes() {}

    static List<Class<?>> under(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isConcrete() && definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(LedgerEvent.class));
        List<Class<?>> types = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents(basePackage)) {
            types.add(ClassUtils.resolveClassName(definition.getBeanClassName(), LedgerEvent.class.getClassLoader()));
        }
        return types;
    }
}
