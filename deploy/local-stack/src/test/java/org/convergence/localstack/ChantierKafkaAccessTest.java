package org.convergence.localstack;

import org.convergence.contracts.Topics;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ADR 0021: the Kubernetes kit gives a chantier's principal its own topics and nothing else, by literal ACLs, so
 * the broker decides which chantier a record comes from.
 */
class ChantierKafkaAccessTest {

    private static final Path ROOT = Path.of(System.getProperty("repository.root", "../..")).toAbsolutePath()
            .normalize();

    @Test
    @SuppressWarnings("unchecked")
    void aChantiersPrincipalWritesItsOwnTopicsOnlyAndReadsOnlyTheirDeadLetters() throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        new Yaml().loadAll(Files.readString(ROOT.resolve("k8s/kafka-access/chantier-own-topics.example.yaml")))
                .forEach(document -> documents.add((Map<String, Object>) document));
        Map<String, Object> user = documents.stream().filter(d -> "KafkaUser".equals(d.get("kind"))).findFirst()
                .orElseThrow();
        String chantier = (String) ((Map<String, Object>) ((Map<String, Object>) user.get("metadata")).get("labels"))
                .get("convergence/chantier");
        Set<String> own = Set.of(Topics.chantierPathwaysOf(chantier), Topics.timesheetsOf(chantier));
        Set<String> ownDeadLetters = Set.of(Topics.deadLetterOf(Topics.chantierPathwaysOf(chantier)),
                Topics.deadLetterOf(Topics.timesheetsOf(chantier)));

        Set<String> written = new HashSet<>();
        Set<String> read = new HashSet<>();
        List<Map<String, Object>> acls = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>)
                user.get("spec")).get("authorization")).get("acls");
        for (Map<String, Object> acl : acls) {
            Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
            List<String> operations = (List<String>) acl.get("operations");
            if (!"topic".equals(resource.get("type"))) {
                continue;
            }
            assertEquals("literal", resource.get("patternType"), "a prefix reaches other chantiers: " + acl);
            String topic = (String) resource.get("name");
            if (operations.contains("Write")) {
                written.add(topic);
            }
            if (operations.contains("Read")) {
                read.add(topic);
            }
            assertTrue(operations.stream().allMatch(List.of("Write", "Read", "Describe")::contains), acl.toString());
        }
        assertEquals(own, written);
        assertEquals(ownDeadLetters, read);
        Set<String> topics = new HashSet<>();
        documents.stream().filter(d -> "KafkaTopic".equals(d.get("kind")))
                .forEach(d -> topics.add((String) ((Map<String, Object>) d.get("metadata")).get("name")));
        Set<String> expectedTopics = new HashSet<>(own);
        expectedTopics.addAll(ownDeadLetters);
        assertEquals(expectedTopics, topics, "its topics and their dead-letter topics exist (the doors read them "
                + "by pattern and do not create them)");
    }

    @Test
    void noPrincipalOfTheKitReachesTheRetiredSharedInboundTopics() throws IOException {
        // ADR 0026: the doors no longer read convergence.chantier-pathways.v1 nor convergence.timesheets.v1.
        try (var files = Files.list(ROOT.resolve("k8s/kafka-access"))) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                for (String retired : List.of("convergence.chantier-pathways.v1", "convergence.timesheets.v1")) {
                    assertTrue(!text.contains("name: " + retired), file + " grants " + retired);
                }
            }
        }
    }
}
