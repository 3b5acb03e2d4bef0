package org.convergence.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import org.convergence.contracts.corpus.ContractSamples;
import org.convergence.contracts.validation.ContractSchemas;
import org.convergence.contracts.validation.FactRules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every schema of {@code schemas/} must say, so that the codec's validation is as strict as the wire rules:
 * checked on every registered contract, so a new one cannot be laxer than the others.
 */
class ContractSchemaRulesTest {

    @TestFactory
    Stream<DynamicTest> every_schema_is_a_valid_draft_2020_12_schema_with_its_id() {
        SchemaRegistry metaRegistry = SchemaRegistry.withDialect(Dialects.getDraft202012());
        Schema meta = metaRegistry.getSchema(SchemaLocation.of(Dialects.getDraft202012().getId()));
        return schemas().entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            JsonNode schema = entry.getValue();
            assertEquals(List.of(), meta.validate(schema.toString(), InputFormat.JSON));
            assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
            String name = entry.getKey().replaceAll("\\.v(\\d+)\\.json$", ":v$1");
            assertEquals("urn:convergence:" + name, schema.path("$id").asText());
        }));
    }

    @TestFactory
    Stream<DynamicTest> every_object_is_closed_every_string_bounded_and_every_pattern_a_wire_format() {
        return schemas().entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            List<String> problems = new ArrayList<>();
            walk(entry.getValue(), "", (path, node) -> {
                String type = node.path("type").asText("");
                if (type.equals("object") && !path.equals(".properties.payload")
                        && !node.path("additionalProperties").isBoolean()) {
                    problems.add(path + " is an open object");
                }
                if (type.equals("object") && !path.equals(".properties.payload")
                        && node.path("additionalProperties").asBoolean(true)) {
                    problems.add(path + " accepts unknown fields");
                }
                if (type.equals("string") && !node.has("maxLength")) {
                    problems.add(path + " has no maxLength");
                }
                if (type.equals("array") && !node.has("maxItems")) {
                    problems.add(path + " has no maxItems");
                }
                if (node.has("pattern") && !WireFormats.PATTERNS.containsKey(node.get("pattern").asText())) {
                    problems.add(path + " has a pattern that is no wire format: " + node.get("pattern"));
                }
                if (node.has("format") && !Set.of("date", "date-time").contains(node.get("format").asText())) {
                    problems.add(path + " has an unexpected format " + node.get("format"));
                }
                for (JsonNode required : node.path("required")) {
                    if (!node.path("properties").has(required.asText())) {
                        problems.add(path + " requires " + required + " it does not describe");
                    }
                }
            });
            assertEquals(List.of(), problems);
        }));
    }

    @TestFactory
    Stream<DynamicTest> every_payload_date_has_a_declared_window() {
        Set<String> windowed = new TreeSet<>(FactRules.PAST_DATES);
        windowed.addAll(FactRules.PLANNED_DATES);
        return IntegrationEvents.all().stream().map(type -> DynamicTest.dynamicTest(type.toString(), () ->
                walk(ContractSamples.schemaOf(type), "", (path, node) -> {
                    if ("date".equals(node.path("format").asText())) {
                        String field = path.substring(path.lastIndexOf('.') + 1);
                        assertTrue(windowed.contains(field), path + " has no window in FactRules");
                    }
                })));
    }

    @TestFactory
    Stream<DynamicTest> every_payload_record_has_exactly_the_properties_of_its_schema_and_a_required_key() {
        return IntegrationEvents.all().stream().map(type -> DynamicTest.dynamicTest(type.toString(), () -> {
            ObjectNode schema = ContractSamples.schemaOf(type);
            Set<String> schemaProperties = new TreeSet<>();
            schema.path("properties").fieldNames().forEachRemaining(schemaProperties::add);
            Set<String> recordComponents = Arrays.stream(type.payloadType().getRecordComponents())
                    .map(component -> component.getName()).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(schemaProperties, recordComponents);
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(field -> required.add(field.asText()));
            assertTrue(required.contains(type.keyField()), type.keyField() + " keys the type but is optional");
            if (type.scope() != IntegrationEventType.Scope.NONE && schema.path("properties").has("territoryId")) {
                assertTrue(required.contains("territoryId"));
            }
        }));
    }

    private static Map<String, JsonNode> schemas() {
        Map<String, JsonNode> schemas = new java.util.TreeMap<>();
        schemas.put("envelope.v1.json", ContractSamples.readSchema(ContractSchemas.ENVELOPE_RESOURCE));
        for (IntegrationEventType<?> type : IntegrationEvents.all()) {
            schemas.put(type.schemaFileName(), ContractSamples.schemaOf(type));
        }
        return schemas;
    }

    /** Visits every schema node (properties, items, anyOf branches), with its path from the root. */
    private static void walk(JsonNode schema, String path, BiConsumer<String, JsonNode> visitor) {
        visitor.accept(path, schema);
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            walk(property.getValue(), path + ".properties." + property.getKey(), visitor);
        }
        if (schema.has("items")) {
            walk(schema.get("items"), path + ".items", visitor);
        }
        for (String combinator : List.of("anyOf", "oneOf", "allOf")) {
            for (int i = 0; i < schema.path(combinator).size(); i++) {
                walk(schema.get(combinator).get(i), path + "." + combinator + "[" + i + "]", visitor);
            }
        }
    }
}
