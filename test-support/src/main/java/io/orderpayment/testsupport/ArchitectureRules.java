package io.orderpayment.testsupport;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import java.util.Arrays;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** Architecture rules that every module's ArchUnit tests share. */
public final class ArchitectureRules {

    /**
     * What the Axon annotations on a domain class bring: the annotations, the enums they take
     * ({@code AggregateCreationPolicy}) and {@code AggregateLifecycle.apply}, which is how an aggregate
     * records an event. Nothing of Axon's runtime (gateways, buses, stores).
     */
    public static final DescribedPredicate<JavaClass> AXON_ANNOTATIONS = DescribedPredicate.describe(
            "Axon's annotations and AggregateLifecycle",
            javaClass -> javaClass.getPackageName().startsWith("org.axonframework.")
                    && (javaClass.isAnnotation() || javaClass.isEnum()
                    || javaClass.getName().equals("org.axonframework.modelling.command.AggregateLifecycle")));

    private ArchitectureRules() {
    }

    /**
     * A domain package depends only on the shared language (core-api), Axon's annotations, the JDK and
     * slf4j: an allow-list, so that a new technology cannot creep in under a name no list forbids.
     */
    public static ArchRule domainDependsOnlyOnTheContract(String domainPackage) {
        return classes().that().resideInAPackage(domainPackage)
                .should().onlyDependOnClassesThat(resideInAnyPackage(domainPackage, "io.orderpayment.api..", "java..", "org.slf4j..")
                        .or(AXON_ANNOTATIONS))
                .as("the domain (" + domainPackage + ") depends only on core-api, Axon's annotations, the JDK and slf4j");
    }

    /**
     * Fails unless each of these packages (ArchUnit identifiers, {@code "io.orderpayment.order.web.."})
     * holds a class. A rule that forbids depending on a package passes for ever once that package is
     * renamed; pair every such list with this rule.
     */
    public static CompositeArchRule everyPackageHoldsClasses(String... packageIdentifiers) {
        return CompositeArchRule.of(Arrays.stream(packageIdentifiers)
                .map(identifier -> classes().that(resideInAPackage(identifier))
                        .should().resideInAPackage(identifier)
                        .allowEmptyShould(false)
                        .as("package " + identifier + " holds classes"))
                .toList());
    }
}
