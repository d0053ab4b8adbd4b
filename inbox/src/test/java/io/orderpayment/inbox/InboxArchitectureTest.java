package io.orderpayment.inbox;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The once-per-message block knows neither RabbitMQ nor JDBC: the listeners and the table are its adapters. */
@AnalyzeClasses(packages = "io.orderpayment.inbox", importOptions = ImportOption.DoNotIncludeTests.class)
class InboxArchitectureTest {

    @ArchTest
    static final ArchRule theBlockKnowsOnlyItsPortAndTheTransaction = classes()
            .that().resideInAPackage("io.orderpayment.inbox")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.orderpayment.inbox",
                    "io.orderpayment.axon.transaction..", "java..", "org.slf4j..");
}
