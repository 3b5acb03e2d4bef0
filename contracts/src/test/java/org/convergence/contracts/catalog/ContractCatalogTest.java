package org.convergence.contracts.catalog;

import org.convergence.contracts.EventCatalog;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.IntegrationEvents;
import org.convergence.contracts.Topics;
import org.convergence.contracts.accompaniment.AccompanimentEvents;
import org.convergence.contracts.chantier.ChantierPathwayFacts;
import org.convergence.contracts.enrolment.EnrolmentEvents;
import org.convergence.contracts.hours.HoursEvents;
import org.convergence.contracts.timesheets.TimesheetEvents;
import org.convergence.contracts.transitions.TransitionEvents;
import org.convergence.contracts.outside.EmployerEvents;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContractCatalogTest {

    @Test
    void the_registry_holds_every_constant_of_every_catalogue_with_its_topic() throws Exception {
        Map<Class<?>, String> catalogues = Map.of(EnrolmentEvents.class, Topics.ENROLMENT,
                HoursEvents.class, Topics.HOURS, TimesheetEvents.class, Topics.CHANTIER_TIMESHEETS_ADDRESS,
                AccompanimentEvents.class, Topics.ACCOMPANIMENT,
                ChantierPathwayFacts.class, Topics.CHANTIER_PATHWAYS_ADDRESS,
                TransitionEvents.class, Topics.TRANSITIONS);
        List<IntegrationEventType<?>> declared = new ArrayList<>();
        for (Map.Entry<Class<?>, String> catalogue : catalogues.entrySet()) {
            for (Field field : catalogue.getKey().getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == IntegrationEventType.class) {
                    IntegrationEventType<?> type = (IntegrationEventType<?>) field.get(null);
                    declared.add(type);
                    assertEquals(catalogue.getValue(), ContractCatalog.discovered().topicOf(type));
                }
            }
        }

        // Every constant is declared once, and the registry holds exactly the catalogues' constants.
        assertEquals(declared.size(), new HashSet<>(declared).size());
        assertEquals(new HashSet<>(declared), new HashSet<>(IntegrationEvents.all()));
    }

    @Test
    void the_registry_is_discovered_from_the_module_not_from_the_test_classes() {
        assertTrue(IntegrationEvents.all().stream().noneMatch(type -> type.name().startsWith("employer.")),
                "a test catalogue leaked into the registry");
        assertTrue(ContractsClasspath.entries().contains("schemas/pathway.enrolled.v1.json"));
        assertTrue(ContractsClasspath.entries().contains("org/convergence/contracts/enrolment/EnrolmentEvents.class"));
    }

    @Test
    void a_declared_type_without_its_schema_fails_the_registry_naming_it() {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> ContractCatalog.of(List.of(EmployerEvents.class), Set.of()));

        assertTrue(failure.getMessage().contains("employer.registered v1"), failure.getMessage());
        assertTrue(failure.getMessage().contains("has no schema"), failure.getMessage());
    }

    @Test
    void a_schema_without_its_declared_type_fails_the_registry_naming_it() {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> ContractCatalog.of(List.of(EmployerEvents.class),
                        Set.of("employer.registered.v1.json", "employer.left.v1.json")));

        assertTrue(failure.getMessage().contains("schemas/employer.left.v1.json describes no declared event type"),
                failure.getMessage());
    }

    @Test
    void a_schema_file_named_otherwise_than_type_and_version_fails_the_registry() {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> ContractCatalog.of(List.of(), Set.of("Pathway Enrolled.json")));

        assertTrue(failure.getMessage().contains("is not named <type>.v<version>.json"), failure.getMessage());
    }

    @Test
    void a_type_declared_twice_fails_the_registry() {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> ContractCatalog.of(List.of(EmployerEvents.class, EmployerTwin.class),
                        Set.of("employer.registered.v1.json")));

        assertTrue(failure.getMessage().contains("declared twice"), failure.getMessage());
    }

    @Test
    void discovery_reads_the_catalogues_and_schemas_among_a_modules_entries() {
        ContractCatalog catalog = ContractCatalog.discover(List.of(
                "org/convergence/contracts/outside/EmployerEvents.class",
                "org/convergence/contracts/outside/EmployerEvents$EmployerRegisteredV1.class",
                "schemas/employer.registered.v1.json", "schemas/envelope.v1.json", "README.md"),
                getClass().getClassLoader());

        assertEquals(List.of(EmployerEvents.EMPLOYER_REGISTERED), catalog.types());
        assertEquals("convergence.test-employers.v1", catalog.topicOf(EmployerEvents.EMPLOYER_REGISTERED));
    }

    @EventCatalog(topic = "convergence.test-twins.v1")
    static final class EmployerTwin {
        public static final IntegrationEventType<EmployerEvents.EmployerRegisteredV1> SAME =
                EmployerEvents.EMPLOYER_REGISTERED;
    }
}
