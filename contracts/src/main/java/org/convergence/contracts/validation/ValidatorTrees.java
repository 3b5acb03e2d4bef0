package org.convergence.contracts.validation;

import com.fasterxml.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * The tree the schema validator would have read from a record's text, built from the tree the codec already read
 * (Jackson 2, strict) instead of parsing the text again: the validator works on Jackson 3 nodes (ADR 0038).
 * <p>
 * Node for node the same values and kinds the validator's own reader gives for a text the strict reader accepted:
 * objects in key order, arrays, strings, booleans, null, integers as int, long or big integer nodes by their size
 * (both Jacksons choose by the same rule), and decimals as double nodes. That last one holds only for a decimal
 * written as Java writes that double ({@code 26.5}, not {@code 26.50} nor {@code 1e2} nor 17 significant digits):
 * for any other, the validator's reader keeps the exact decimal instead, so the codec validates such a record from
 * its text as before ({@code IntegrationEventCodec}'s {@code ShortestDecimals} tells which).
 */
public final class ValidatorTrees {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ValidatorTrees() {
    }

    /** The validator's tree of {@code node}, read by the strict reader from a text whose decimals are shortest. */
    public static tools.jackson.databind.JsonNode of(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    object.set(field.getKey(), of(field.getValue()));
                }
                yield object;
            }
            case ARRAY -> {
                ArrayNode array = NODES.arrayNode(node.size());
                for (JsonNode element : node) {
                    array.add(of(element));
                }
                yield array;
            }
            case STRING -> NODES.stringNode(node.textValue());
            case BOOLEAN -> NODES.booleanNode(node.booleanValue());
            case NULL -> NODES.nullNode();
            case NUMBER -> number(node);
            // A text read by the strict reader has no other kind of node: fail loudly rather than guess.
            default -> throw new IllegalArgumentException("No validator node for a " + node.getNodeType() + " node");
        };
    }

    private static tools.jackson.databind.JsonNode number(JsonNode node) {
        return switch (node.numberType()) {
            case INT -> NODES.numberNode(node.intValue());
            case LONG -> NODES.numberNode(node.longValue());
            case BIG_INTEGER -> NODES.numberNode(node.bigIntegerValue());
            case DOUBLE -> NODES.numberNode(node.doubleValue());
            default -> throw new IllegalArgumentException("No validator node for a " + node.numberType()
                    + " number");
        };
    }
}
