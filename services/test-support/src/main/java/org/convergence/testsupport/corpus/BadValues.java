package org.convergence.testsupport.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The malformed values a careless or hostile client sends, by what a schema declares: wrong JSON types, enum ordinals
 * and padded names, loose and implausible dates, ids of the wrong shape, huge strings and strings of control or
 * invisible characters. Every one of them must be refused by whatever declares that schema.
 */
final class BadValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final int HUGE = 100_000;

    /** A bad value for a body field, and a label for the test's name. */
    record Bad(String label, JsonNode value) {
    }

    /**
     * A bad raw value for a parameter, already encoded for a URL, and a label. {@code wellFormed} values (an integer out
     * of range) pass the format check and are refused by the range check after it: a request with a malformed
     * parameter is told about its malformed ones first.
     */
    record BadParameter(String label, String encoded, boolean wellFormed) {
    }

    private BadValues() {
    }

    static List<Bad> forField(Schema schema, boolean required, JsonNode sample) {
        List<Bad> bad = new ArrayList<>();
        if (required) {
            bad.add(new Bad("null", JSON.nullNode()));
        }
        String type = schema.type();
        switch (type) {
            case "integer" -> {
                bad.add(new Bad("a string of digits", JSON.textNode(sample.asText())));
                bad.add(new Bad("a float", JSON.numberNode(new BigDecimal("6.5"))));
                bad.add(new Bad("a boolean", JSON.booleanNode(true)));
                bad.add(new Bad("an object", JSON.objectNode()));
                bad.add(new Bad("an array", JSON.arrayNode().add(sample)));
                bad.add(new Bad("beyond 64 bits", JSON.numberNode(new BigInteger("99999999999999999999"))));
                bad.add(new Bad("a huge exponent", JSON.numberNode(new BigDecimal("1E+30"))));
                if (schema.minimum() != null) {
                    bad.add(new Bad("below the minimum", JSON.numberNode(schema.minimum() - 1)));
                }
                if (schema.maximum() != null) {
                    bad.add(new Bad("above the maximum", JSON.numberNode(schema.maximum() + 1)));
                }
            }
            case "number" -> {
                bad.add(new Bad("a string of digits", JSON.textNode("6")));
                bad.add(new Bad("a boolean", JSON.booleanNode(true)));
                bad.add(new Bad("an object", JSON.objectNode()));
            }
            case "boolean" -> {
                bad.add(new Bad("the string true", JSON.textNode("true")));
                bad.add(new Bad("a number", JSON.numberNode(1)));
            }
            case "array" -> {
                bad.add(new Bad("a string", JSON.textNode("x")));
                bad.add(new Bad("a number", JSON.numberNode(1)));
                bad.add(new Bad("an object", JSON.objectNode()));
                bad.add(new Bad("a null item", JSON.arrayNode().addNull()));
                if (schema.minItems() != null && schema.minItems() > 0) {
                    bad.add(new Bad("empty", JSON.arrayNode()));
                }
                if (schema.maxItems() != null) {
                    ArrayNode many = JSON.arrayNode();
                    for (long i = 0; i <= schema.maxItems(); i++) {
                        many.add(sample.get(0));
                    }
                    bad.add(new Bad("more items than allowed", many));
                }
            }
            case "object" -> {
                bad.add(new Bad("a string", JSON.textNode("x")));
                bad.add(new Bad("a number", JSON.numberNode(1)));
                bad.add(new Bad("an array", JSON.arrayNode()));
            }
            default -> strings(schema, sample.asText(), bad);
        }
        return bad;
    }

    private static void strings(Schema schema, String sample, List<Bad> bad) {
        bad.add(new Bad("a number", JSON.numberNode(12345)));
        bad.add(new Bad("a boolean", JSON.booleanNode(true)));
        bad.add(new Bad("a float", JSON.numberNode(new BigDecimal("1.5"))));
        bad.add(new Bad("an object", JSON.objectNode()));
        bad.add(new Bad("an array of it", JSON.arrayNode().add(sample)));
        List<String> enumValues = schema.enumValues();
        if (!enumValues.isEmpty()) {
            String first = enumValues.get(0);
            bad.add(new Bad("ordinal 0", JSON.numberNode(0)));
            bad.add(new Bad("ordinal 1", JSON.numberNode(1)));
            bad.add(new Bad("an ordinal as text", JSON.textNode("0")));
            bad.add(new Bad("lower case", JSON.textNode(first.toLowerCase(Locale.ROOT))));
            bad.add(new Bad("a trailing space", JSON.textNode(first + " ")));
            bad.add(new Bad("a leading space", JSON.textNode(" " + first)));
            bad.add(new Bad("a trailing NUL", JSON.textNode(first + "\u0000")));
            bad.add(new Bad("an unknown name", JSON.textNode("NOT_A_VALUE")));
            bad.add(new Bad("empty", JSON.textNode("")));
            return;
        }
        if ("date".equals(schema.format())) {
            for (String date : List.of("2020-01-01T00:00:00Z", " 2020-01-01", "2020-01-01 ", "+002020-01-01",
                    "0000-01-01", "-2020-01-01", "20200203", "2020-02-30", "2020-1-1", "01/02/2020", "1900-01-01",
                    "2999-12-31", "9999-12-31", "today", "")) {
                bad.add(new Bad("date '" + date + "'", JSON.textNode(date)));
            }
            bad.add(new Bad("a date as an array", JSON.arrayNode().add(2020).add(1).add(1)));
            return;
        }
        if ("uuid".equals(schema.format()) || Samples.UUID_PATTERN.equals(schema.pattern())) {
            String uuid = UUID.randomUUID().toString();
            for (String id : List.of("1-1-1-1-1", uuid.toUpperCase(Locale.ROOT), "{" + uuid + "}", uuid + "0",
                    uuid.replace("-", ""), "bH0vccLbT4SIKY108HJTqg==", "", "$set", "<script>", "a".repeat(HUGE))) {
                bad.add(new Bad("id '" + label(id) + "'", JSON.textNode(id)));
            }
            return;
        }
        if (schema.pattern() != null) {
            String flipped = sample.equals(sample.toUpperCase(Locale.ROOT)) ? sample.toLowerCase(Locale.ROOT)
                    : sample.toUpperCase(Locale.ROOT);
            for (String id : List.of("$set", "a.b", flipped, "", "x", "y".repeat(300), "a\u0000b", "<script>",
                    "\u202Eabc", " " + sample, "z".repeat(HUGE))) {
                if (!matches(schema, id)) {
                    bad.add(new Bad("id '" + label(id) + "'", JSON.textNode(id)));
                }
            }
            return;
        }
        long tooLong = schema.maxLength() != null ? schema.maxLength() + 1 : HUGE;
        for (String text : List.of("\u0000", "a\u0000b", "a\nb", "tab\there", "\u007F", "\u200B", "a\u200B",
                "\u202Eabc", "\u2066abc\u2069", "\uFEFF", "   ", "", "x".repeat((int) tooLong), "x".repeat(HUGE))) {
            bad.add(new Bad("text '" + label(text) + "'", JSON.textNode(text)));
        }
    }

    static List<BadParameter> forParameter(Schema schema, String sample, boolean inPath) {
        List<String> raw = new ArrayList<>();
        List<String> outOfRange = new ArrayList<>();
        String type = schema.type();
        if (type.equals("integer")) {
            raw.addAll(List.of("abc", "1.5", "+" + sample, "0" + sample, " " + sample, sample + " ", "9".repeat(30),
                    "0x10", sample + "abc", "1e3", "-", "\u0000", "\u0660", "\u0661\u0662", "\uFF12\uFF10", "NaN",
                    "Infinity", "1_000", "1,5", "0b101", sample + ".", ".5", "--1", sample + "-", "2147483648",
                    "-2147483649", sample + "\u0000", "\u202E" + sample));
            if (schema.minimum() != null) {
                outOfRange.add(String.valueOf(schema.minimum() - 1));
            }
            if (schema.maximum() != null) {
                outOfRange.add(String.valueOf(schema.maximum() + 1));
            }
            // A candidate written as a plain integer is not malformed: it may only be out of range, or even valid.
            raw.removeIf(BadValues::isPlainInteger);
        } else if (type.equals("boolean")) {
            raw.addAll(List.of("yes", "1", "TRUE", "", "true ", "on"));
        } else if (!schema.enumValues().isEmpty()) {
            String first = schema.enumValues().get(0);
            raw.addAll(List.of("NOT_A_VALUE", first.toLowerCase(Locale.ROOT), "0", first + " ", "\u0000",
                    first + "," + first, "[" + first + "]"));
        } else if ("date".equals(schema.format())) {
            raw.addAll(List.of("today", "2020-1-1", "+2020-01-01", "+002020-01-01", "2020-02-30", "20200101",
                    " 2020-01-01", "2020-01-01T00:00:00Z", "0000-00-00", "\u0000", "2020-01-01\u202E", "2020/01/01",
                    "2020-13-01", "2020-00-10", "2020-01-32", "2020-01-01Z", "2020-W01-1", "2020-001", "99999-01-01",
                    "\u0661\u0669\u0669\u0660-01-01", "01/02/2020", "2020-01-01 ", "-2020-01-01", "null"));
        } else if (schema.pattern() != null || "uuid".equals(schema.format())) {
            String flipped = sample.equals(sample.toUpperCase(Locale.ROOT)) ? sample.toLowerCase(Locale.ROOT)
                    : sample.toUpperCase(Locale.ROOT);
            String uuid = UUID.randomUUID().toString();
            for (String id : List.of("1-1-1-1-1", flipped, "$set", "a.b", "\u0000", "\u202E" + sample,
                    sample + "\u200B", "<script>", "x".repeat(300), " " + sample, "é" + sample, "-" + sample, "a_b",
                    "a b", "\uFF30\uFF21\uFF32\uFF29\uFF33", sample + "\u0000", sample + "%", "\uD83D\uDE00", "x",
                    uuid.toUpperCase(Locale.ROOT), uuid.replace('a', 'g'), "{" + uuid + "}", "$where")) {
                if (!matches(schema, id)) {
                    raw.add(id);
                }
            }
        } else {
            raw.addAll(List.of("\u0000", "a\u0000b", "\u200B", "\u202Eabc", "x".repeat(300), "line\nbreak",
                    "tab\there", "\u007F", "\u2066x\u2069", "\uFEFF", " ", "\u00A0"));
        }
        if (!inPath) {
            raw.add("");
        }
        List<BadParameter> bad = new ArrayList<>();
        for (String value : raw) {
            bad.add(new BadParameter("'" + label(value) + "'", encode(value), false));
        }
        for (String value : outOfRange) {
            bad.add(new BadParameter("'" + label(value) + "' (out of range)", encode(value), true));
        }
        return bad;
    }

    private static boolean isPlainInteger(String value) {
        if (!value.matches("-?(0|[1-9][0-9]{0,9})")) {
            return false;
        }
        long parsed = Long.parseLong(value);
        return parsed >= Integer.MIN_VALUE && parsed <= Integer.MAX_VALUE;
    }

    /** Whether a value would pass the schema's declared pattern: such a value is not a malformed one. */
    private static boolean matches(Schema schema, String value) {
        return schema.pattern() != null && java.util.regex.Pattern.compile(schema.pattern()).matcher(value).find();
    }

    /** Percent-encodes everything but unreserved characters, for a path segment or a query value. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
    }

    /** A short, printable name for a value in a test's display name. */
    static String label(String value) {
        StringBuilder label = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < value.length() && shown < 24; i++, shown++) {
            char c = value.charAt(i);
            label.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return value.length() > 24 ? label + "…(" + value.length() + ")" : label.toString();
    }
}
