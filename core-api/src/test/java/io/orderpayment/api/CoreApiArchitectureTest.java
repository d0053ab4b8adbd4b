package io.orderpayment.api;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** core-api is the shared language: plain records, no framework but Axon's routing annotation. */
@AnalyzeClasses(packages = "io.orderpayment.api", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreApiArchitectureTest {

    private static final DescribedPredicate<JavaClass> COMMANDS = DescribedPredicate.describe("commands",
            javaClass -> javaClass.getAllFields().stream().anyMatch(field -> field.isAnnotatedWith(TargetAggregateIdentifier.class)));

    @ArchTest
    static final ArchRule dependsOnlyOnTheJdkAndAxonRouting = classes()
            .that().resideInAPackage("io.orderpayment.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "io.orderpayment.api..", "org.axonframework.modelling.command..");

    @ArchTest
    static final ArchRule messagesAndValuesAreRecords = classes()
            .that().resideInAPackage("io.orderpayment.api..")
            .and().areNotEnums()
            .and().doNotHaveSimpleName("PaymentIds")
            .should().beRecords();

    @ArchTest
    static final ArchRule commandsAreImperative = classes()
            .that(COMMANDS)
            .should().haveSimpleNameNotEndingWith("ed")
            .because("commands ask for something (PlaceOrder); events say it happened (OrderPlaced)");
}
