package org.convergence.localstack;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layering every service keeps, checked on the compiled classes of every service in {@code deploy/services.conf}
 * (this module depends on each of them): a domain is plain Java plus Axon, no service reaches into another, and the
 * contracts stand on nothing of ours.
 */
class ArchitectureTest {

    private static final String[] FRAMEWORKS = {"io.quarkus..", "io.vertx..", "jakarta.ws.rs..",
            "jakarta.enterprise..", "jakarta.inject..", "com.mongodb..", "org.bson..", "org.apache.kafka..",
            "org.eclipse.microprofile.."};

    private static List<String> services;
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        Path repository = Path.of(System.getProperty("repository.root", "../..")).toAbsolutePath().normalize();
        services = ServiceList.read(repository).stream().map(ServiceList.Service::name).toList();
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.convergence");
    }

    @Test
    void everyServiceOfTheListIsOnTheClasspathSoTheRulesSeeIt() {
        for (String service : services) {
            String root = "org.convergence." + service + ".";
            assertTrue(classes.stream().anyMatch(type -> type.getPackageName().startsWith(root)),
                    service + " is missing from deploy/local-stack's test dependencies");
        }
    }

    @Test
    void aDomainImportsNoFrameworkDatabaseOrBroker() {
        ArchRule rule = noClasses().that().resideInAPackage("org.convergence.*.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("rules are checked in plain objects, testable without a server (docs/architecture.md)");
        rule.check(classes);
    }

    @Test
    void aDomainDoesNotKnowTheDoorsThatCallIt() {
        noClasses().that().resideInAPackage("org.convergence.*.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.convergence.*.api..",
                        "org.convergence.*.application..", "org.convergence.*.importing..",
                        "org.convergence.*.messaging..")
                .check(classes);
    }

    @Test
    void noServiceReachesIntoAnother() {
        for (String service : services) {
            String[] others = services.stream().filter(other -> !other.equals(service))
                    .map(other -> "org.convergence." + other + "..").toArray(String[]::new);
            if (others.length > 0) {
                noClasses().that().resideInAPackage("org.convergence." + service + "..")
                        .should().dependOnClassesThat().resideInAnyPackage(others)
                        .because("services talk through contracts and topics only")
                        .check(classes);
            }
        }
    }

    @Test
    void thePlatformServesEveryServiceAndKnowsNone() {
        noClasses().that().resideInAPackage("org.convergence.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(services.stream()
                        .map(service -> "org.convergence." + service + "..").toArray(String[]::new))
                .check(classes);
    }

    @Test
    void theContractsStandOnNothingOfOurs() {
        noClasses().that().resideInAPackage("org.convergence.contracts..")
                .should().dependOnClassesThat().resideInAnyPackage("org.convergence.platform..",
                        "org.convergence.embedded..")
                .check(classes);
    }
}
