package io.orderpayment.outbox;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static io.orderpayment.testsupport.ArchitectureRules.everyPackageHoldsClasses;

/**
 * The forwarder's logic knows only Axon's core and its two ports; RabbitMQ (with the Axon AMQP
 * extension), Redis, Spring and JPA sit in adapters, so the broker or the cache could be swapped
 * without touching it.
 */
@AnalyzeClasses(packages = "io.orderpayment.outbox", importOptions = ImportOption.DoNotIncludeTests.class)
class OutboxArchitectureTest {

    private static final String BROKER_ADAPTER = "io.orderpayment.outbox.amqp..";
    private static final String CACHE_ADAPTER = "io.orderpayment.outbox.redis..";
    private static final String AUDIT = "io.orderpayment.outbox.audit..";
    private static final String PARKING = "io.orderpayment.outbox.parking..";

    @ArchTest
    static final ArchRule forwarderCoreKnowsOnlyAxon = classes()
            .that().resideInAPackage("io.orderpayment.outbox")
            .should().onlyDependOnClassesThat(resideInAnyPackage("io.orderpayment.outbox", "java..", "org.slf4j..")
                    .or(resideInAPackage("org.axonframework..").and(not(resideInAPackage("org.axonframework.extensions..")))))
            .as("the forwarder's core depends only on its own ports, Axon's core, the JDK and slf4j");

    @ArchTest
    static final ArchRule adaptersDoNotKnowEachOther = noClasses()
            .that().resideInAPackage(BROKER_ADAPTER)
            .should().dependOnClassesThat().resideInAnyPackage(CACHE_ADAPTER, "org.springframework.data.redis..");

    @ArchTest
    static final ArchRule cacheAdapterKnowsNoBroker = noClasses()
            .that().resideInAPackage(CACHE_ADAPTER)
            .should().dependOnClassesThat().resideInAnyPackage(BROKER_ADAPTER, "org.springframework.amqp..", "com.rabbitmq..");

    @ArchTest
    static final ArchRule auditAndParkingUseThePortsNotTheAdapters = noClasses()
            .that().resideInAnyPackage(AUDIT, PARKING)
            .should().dependOnClassesThat().resideInAnyPackage(BROKER_ADAPTER, CACHE_ADAPTER);

    @ArchTest
    static final ArchRule thePackagesTheseRulesNameExist = everyPackageHoldsClasses(BROKER_ADAPTER, CACHE_ADAPTER, AUDIT,
            PARKING);
}
