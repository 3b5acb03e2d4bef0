package org.convergence.contracts;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.convergence.contracts.catalog.ContractCatalog;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code asyncapi.yaml} cannot drift from the code: it is a valid AsyncAPI 3.0 document, every registered type is a
 * message of it with its schema, topic, key and scope, and every message of it is a registered type. (YAML is read
 * with the Jackson 3 YAML module the schema validator brings.)
 */
class AsyncApiDocumentTest {

    private static final String DEAD_LETTER = "deadLetter";

    private final String text = resource("/asyncapi.yaml");
    private final JsonNode document = new YAMLMapper().readTree(text);
    private final ContractCatalog catalog = ContractCatalog.discovered();

    @Test
    void the_document_is_a_valid_asyncapi_3_document() {
        Schema asyncApi = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(resource("/asyncapi/asyncapi-3.0.0.schema.json"), InputFormat.JSON);

        assertEquals(List.of(), asyncApi.validate(text, InputFormat.YAML));
        assertEquals("3.0.0", document.path("asyncapi").asString());
    }

    @Test
    void every_registered_type_is_a_message_with_its_schema_key_and_scope() {
        for (IntegrationEventType<?> type : catalog.types()) {
            JsonNode message = document.path("components").path("messages").path(messageId(type));
            assertTrue(message.isObject(), type + " is not described");
            assertEquals(type.name(), message.path("name").asString());
            JsonNode parts = message.path("payload").path("allOf");
            assertEquals("./schemas/envelope.v1.json", parts.path(0).path("$ref").asString());
            JsonNode fields = parts.path(1).path("properties");
            assertEquals(type.name(), fields.path("type").path("const").asString());
            assertEquals(type.version(), fields.path("schemaVersion").path("const").asInt());
            assertEquals("./schemas/" + type.schemaFileName(), fields.path("payload").path("$ref").asString());
            assertNotNull(getClass().getResource("/schemas/" + type.schemaFileName()));
            assertEquals(type.keyField(), message.path("x-convergence-key-field").asString(), type.toString());
            assertEquals(type.scope().name(), message.path("x-convergence-scope").asString(), type.toString());
            JsonNode key = resolve(message.path("bindings").path("kafka").path("key"));
            String keyPattern = org.convergence.contracts.corpus.ContractSamples.schemaOf(type).path("properties")
                    .path(type.keyField()).path("pattern").asText();
            assertEquals(keyPattern, key.path("pattern").asString(), type + ": the key's format is not its "
                    + type.keyField() + "'s");
        }
    }

    @Test
    void every_registered_type_is_a_message_of_the_channel_of_its_topic() {
        for (IntegrationEventType<?> type : catalog.types()) {
            JsonNode channel = channelAt(catalog.topicOf(type));
            List<String> refs = new ArrayList<>();
            channel.path("messages").forEach(ref -> refs.add(ref.path("$ref").asString()));
            assertTrue(refs.contains("#/components/messages/" + messageId(type)),
                    type + " is not on channel " + catalog.topicOf(type));
        }
    }

    @Test
    void every_message_of_the_document_is_a_registered_type() {
        Set<String> registered = new TreeSet<>();
        catalog.types().forEach(type -> registered.add(messageId(type)));
        Set<String> described = new TreeSet<>(document.path("components").path("messages").propertyNames());
        described.remove(DEAD_LETTER);

        assertEquals(registered, described);
    }

    @Test
    void every_topic_has_its_channel_and_its_dead_letter_channel_and_no_other_channel_exists() {
        Set<String> expected = new TreeSet<>();
        for (String topic : catalog.topics()) {
            expected.add(topic);
            expected.add(Topics.deadLetterOf(topic));
            JsonNode deadLetters = channelAt(Topics.deadLetterOf(topic));
            assertEquals("#/components/messages/" + DEAD_LETTER,
                    deadLetters.path("messages").path(DEAD_LETTER).path("$ref").asString());
        }
        Set<String> addresses = new TreeSet<>();
        document.path("channels").forEach(channel -> addresses.add(channel.path("address").asString()));

        assertEquals(expected, addresses);
        assertTrue(catalog.topics().contains(Topics.ENROLMENT));
    }

    @Test
    void every_parameter_of_a_channel_address_is_described_and_names_the_topics_the_doors_read() {
        for (JsonNode channel : document.path("channels")) {
            String address = channel.path("address").asString();
            java.util.regex.Matcher parameter = java.util.regex.Pattern.compile("\\{([a-zA-Z]+)}").matcher(address);
            while (parameter.find()) {
                assertTrue(channel.path("parameters").path(parameter.group(1)).path("description").isString(),
                        address + " does not describe {" + parameter.group(1) + "}");
            }
        }
        // ADR 0021, 0026: the inbound channels are the chantiers' own topics, those the doors read by pattern.
        String pathways = channelAt(Topics.CHANTIER_PATHWAYS_ADDRESS).path("address").asString();
        String timesheets = channelAt(Topics.CHANTIER_TIMESHEETS_ADDRESS).path("address").asString();
        assertTrue(Topics.CHANTIER_PATHWAYS_PATTERN.matcher(pathways.replace("{chantierId}", "emmaus")).matches());
        assertTrue(Topics.TIMESHEETS_PATTERN.matcher(timesheets.replace("{chantierId}", "emmaus")).matches());
    }

    @Test
    void a_dead_letter_carries_its_reason_and_origin_in_headers() {
        JsonNode headers = document.path("components").path("messages").path(DEAD_LETTER).path("headers");
        Set<String> required = new TreeSet<>();
        headers.path("required").forEach(name -> required.add(name.asString()));

        assertEquals(Set.of("dlq.reason", "dlq.code", "dlq.exception", "dlq.source.topic", "dlq.source.partition",
                "dlq.source.offset", "dlq.consumer.group"), required);
        // dlq.value.dropped is the one optional header: written only for a value too large to copy.
        Set<String> described = new TreeSet<>(headers.path("properties").propertyNames());
        assertEquals(new TreeSet<>(Set.of("dlq.value.dropped")), new TreeSet<>(
                described.stream().filter(name -> !required.contains(name)).toList()));
        assertTrue(described.containsAll(required), "every required header is described");
    }

    private JsonNode channelAt(String address) {
        for (JsonNode channel : document.path("channels")) {
            if (channel.path("address").asString().equals(address)) {
                return channel;
            }
        }
        throw new AssertionError("no channel for " + address);
    }

    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asString("");
        if (!ref.startsWith("#/")) {
            return node;
        }
        JsonNode target = document;
        for (String part : ref.substring(2).split("/")) {
            target = target.path(part);
        }
        return target;
    }

    private static String messageId(IntegrationEventType<?> type) {
        return type.name() + ".v" + type.version();
    }

    private static String resource(String path) {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream(path)) {
            assertNotNull(in, path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
