package org.convergence.platform.messaging;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The dead-letter headers the consumer loop writes are those the contracts' AsyncAPI document promises. */
class DeadLetterHeadersDocumentedTest {

    @Test
    void every_header_written_is_documented_and_every_documented_header_is_written() throws Exception {
        Set<String> written = new TreeSet<>();
        for (Field field : DeadLetterHeaders.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                written.add((String) field.get(null));
            }
        }
        JsonNode document;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi.yaml")) {
            assertNotNull(in, "asyncapi.yaml of the contracts module");
            document = new YAMLMapper().readTree(in);
        }
        JsonNode headers = document.path("components").path("messages").path("deadLetter").path("headers");

        assertEquals(written, new TreeSet<>(headers.path("properties").propertyNames()));
    }
}
