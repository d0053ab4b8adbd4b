package io.orderpayment.queues;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The queues are described here, not consumed: both services declare them, so nothing of either
 * service's handling (listeners, the inbox, the database) belongs in this module.
 */
@AnalyzeClasses(packages = "io.orderpayment.queues", importOptions = ImportOption.DoNotIncludeTests.class)
class ServiceQueuesArchitectureTest {

    @ArchTest
    static final ArchRule queuesAreOnlyDescribed = classes()
            .that().resideInAPackage("io.orderpayment.queues")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.orderpayment.queues", "io.orderpayment.api..",
                    "io.orderpayment.inbox.amqp", "io.orderpayment.outbox.amqp",
                    "org.springframework.boot.context.properties..", "java..");
}
