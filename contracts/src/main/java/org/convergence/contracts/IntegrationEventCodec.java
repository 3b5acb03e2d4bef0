package org.convergence.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.convergence.contracts.input.StrictJson;
import org.convergence.contracts.validation.ContractSchemas;
import org.convergence.contracts.validation.FactRules;
import org.convergence.contracts.validation.ValidatorTrees;
import org.convergence.contracts.validation.Violation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes integration events, and decodes them as the security boundary they are: whatever the bytes of a record
 * (they may come from outside software), {@link #decode} returns an envelope whose every field and payload field
 * is valid, or throws {@link InvalidIntegrationEventException} with a reason naming the field, and nothing else.
 * <p>
 * A record is read in this order: at most {@value #MAX_RECORD_BYTES} bytes of UTF-8; one JSON object read by
 * {@link StrictJson} (duplicate keys and trailing data refused); the envelope against {@code envelope.v1.json};
 * the type and version known to the registry; the payload against its own schema (closed contracts: unknown
 * fields refused; ids, dates, enums, lengths as the schema says); then the {@link FactRules} the schemas cannot
 * state (envelope and payload agree, dates in their windows). Whether a program code is in the consumer's
 * program catalogue is the consumer's concern, not the codec's.
 */
public final class IntegrationEventCodec {

    /**
     * Far above any legitimate event (a few hundred bytes), the broker's own default limit, and the REST doors' body
     * limit: a larger record is refused before it is read.
     */
    public static final int MAX_RECORD_BYTES = 1024 * 1024;
    private static final int MAX_NESTING_DEPTH = 16;
    /** How a refusal of the record as a whole begins, whatever the cause. */
    private static final String NOT_AN_ENVELOPE = "not a valid event envelope: ";
    private static final int REASONS_SHOWN = 8;

    private final ObjectMapper mapper = StrictJson.mapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private final Map<String, IntegrationEventType<?>> typesByNameAndVersion = new HashMap<>();
    private final ContractSchemas schemas;
    private final Clock clock;
    /** False only in tests comparing with the former way: the validator reading each record's text itself. */
    private final boolean validateTrees;

    /** A codec for {@code knownTypes}, judging recording instants against the system clock. */
    public IntegrationEventCodec(List<IntegrationEventType<?>> knownTypes) {
        this(knownTypes, Clock.systemUTC());
    }

    public IntegrationEventCodec(List<IntegrationEventType<?>> knownTypes, Clock clock) {
        this(knownTypes, clock, true);
    }

    /** A codec whose validator reads each record's text again, as before ADR 0038: for tests comparing both. */
    static IntegrationEventCodec validatingText(List<IntegrationEventType<?>> knownTypes, Clock clock) {
        return new IntegrationEventCodec(knownTypes, clock, false);
    }

    private IntegrationEventCodec(List<IntegrationEventType<?>> knownTypes, Clock clock, boolean validateTrees) {
        this.validateTrees = validateTrees;
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_RECORD_BYTES)
                .maxNumberLength(20)
                .build());
        // A parse error quotes at most a short excerpt of the record, never its content.
        mapper.getFactory().setErrorReportConfiguration(ErrorReportConfiguration.builder()
                .maxErrorTokenLength(20)
                .maxRawContentLength(0)
                .build());
        for (IntegrationEventType<?> type : knownTypes) {
            typesByNameAndVersion.put(type.name() + "#" + type.version(), type);
        }
        this.schemas = new ContractSchemas(knownTypes);
        this.clock = clock;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public byte[] encode(EventEnvelope envelope) {
        try {
            return mapper.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode event " + envelope.eventId(), e);
        }
    }

    public JsonNode toJson(IntegrationPayload payload) {
        return mapper.valueToTree(payload);
    }

    /**
     * Decodes a record's value into a valid envelope of a known type, or refuses it with the reason. Throws
     * nothing but {@link InvalidIntegrationEventException}, whatever the bytes.
     */
    public EventEnvelope decode(byte[] bytes) {
        return decodeWithPayload(bytes).envelope();
    }

    /**
     * A valid envelope with its payload already read as the contract's record. Validation reads the payload into
     * its record anyway (a payload that does not fit is refused here); a consumer that keeps it does not read it a
     * second time when its handler binds the fact (ADR 0044), and may do this on its decoder thread.
     */
    public record Decoded(EventEnvelope envelope, IntegrationPayload payload) {
    }

    /** As {@link #decode(byte[])}, keeping the payload's record. */
    public Decoded decodeWithPayload(byte[] bytes) {
        try {
            return read(bytes);
        } catch (InvalidIntegrationEventException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new InvalidIntegrationEventException(NOT_AN_ENVELOPE + "the record could not be read ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** As {@link #decode(byte[])}, also refusing a record whose Kafka key is not the envelope's {@code key}. */
    public EventEnvelope decode(String recordKey, byte[] bytes) {
        return decodeWithPayload(recordKey, bytes).envelope();
    }

    /** As {@link #decode(String, byte[])}, keeping the payload's record. */
    public Decoded decodeWithPayload(String recordKey, byte[] bytes) {
        Decoded decoded = decodeWithPayload(bytes);
        if (!decoded.envelope().key().equals(recordKey)) {
            throw new InvalidIntegrationEventException("key", "the record key must equal the envelope's key", null);
        }
        return decoded;
    }

    public IntegrationEventType<?> typeOf(EventEnvelope envelope) {
        if (envelope == null) {
            throw new InvalidIntegrationEventException("no envelope");
        }
        return registered(envelope.type(), envelope.schemaVersion());
    }

    /** The registered type of that name and version; a refusal naming the version if only the name is known. */
    private IntegrationEventType<?> registered(String name, int version) {
        IntegrationEventType<?> type = typesByNameAndVersion.get(name + "#" + version);
        if (type != null) {
            return type;
        }
        List<Integer> versions = typesByNameAndVersion.values().stream().filter(known -> known.name().equals(name))
                .map(IntegrationEventType::version).sorted().toList();
        if (versions.isEmpty()) {
            throw new InvalidIntegrationEventException("type", name + " is no known event type", null);
        }
        throw new InvalidIntegrationEventException("schemaVersion", "has no schema for " + name
                + " (known versions: " + versions + ")", null);
    }

    public <P extends IntegrationPayload> P payload(EventEnvelope envelope, IntegrationEventType<P> type) {
        try {
            return mapper.treeToValue(envelope.payload(), type.payloadType());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidIntegrationEventException(mappingPath("payload", e),
                    "is not a valid " + type + " payload value", e);
        }
    }

    private Decoded read(byte[] bytes) {
        if (bytes == null) {
            throw new InvalidIntegrationEventException(NOT_AN_ENVELOPE + "the record has no value (null)");
        }
        if (bytes.length == 0) {
            throw new InvalidIntegrationEventException(NOT_AN_ENVELOPE + "the record value is empty");
        }
        if (bytes.length > MAX_RECORD_BYTES) {
            throw new InvalidIntegrationEventException(NOT_AN_ENVELOPE + "the record value has " + bytes.length
                    + " bytes, more than the " + MAX_RECORD_BYTES + " allowed");
        }
        String text = utf8(bytes);
        ShortestDecimals decimals = new ShortestDecimals();
        JsonNode root = parse(text, decimals);
        IntegrationEventType<?> type;
        if (validateTrees && decimals.allShortest()) {
            // The validator gets the tree already read (ADR 0038): the same nodes it would have read from the text.
            tools.jackson.databind.JsonNode tree = ValidatorTrees.of(root);
            refuseIfAny(schemas.validateEnvelope(tree));
            type = registered(root.get("type").asText(), root.get("schemaVersion").asInt());
            refuseIfAny(schemas.validatePayload(type, tree.get("payload")));
        } else {
            refuseIfAny(schemas.validateEnvelope(text));
            type = registered(root.get("type").asText(), root.get("schemaVersion").asInt());
            refuseIfAny(schemas.validatePayload(type, root.get("payload").toString()));
        }
        refuseIfAny(FactRules.check(root, type, clock.instant()));
        EventEnvelope envelope;
        try {
            envelope = mapper.treeToValue(root, EventEnvelope.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidIntegrationEventException(mappingPath("", e), "is not a valid envelope value", e);
        }
        return new Decoded(envelope, payload(envelope, type));
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidIntegrationEventException(NOT_AN_ENVELOPE + "the record value is not UTF-8 text", e);
        }
    }

    private JsonNode parse(String text, ShortestDecimals decimals) {
        JsonNode root;
        JsonParser parser = null;
        try {
            parser = decimals.watch(mapper.createParser(text));
            root = mapper.readTree(parser);
            if (parser.nextToken() != null) {
                throw new InvalidIntegrationEventException(NOT_AN_ENVELOPE + "data follows the JSON object");
            }
        } catch (StreamConstraintsException e) {
            throw new InvalidIntegrationEventException(fieldBeingRead(parser), NOT_AN_ENVELOPE + "beyond a reading "
                    + "limit (numbers of at most 20 digits, nesting of at most " + MAX_NESTING_DEPTH + " levels)", e);
        } catch (IOException e) {
            String problem = e instanceof JsonProcessingException json ? json.getOriginalMessage() : "unreadable";
            throw new InvalidIntegrationEventException(fieldBeingRead(parser), jsonProblem(problem), e);
        } finally {
            closeQuietly(parser);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidIntegrationEventException(NOT_AN_ENVELOPE + "the record value is not a JSON object");
        }
        return root;
    }

    /** Jackson's description of a syntax error, without its advice on parser features. */
    private static String jsonProblem(String message) {
        String problem = String.valueOf(message).lines().findFirst().orElse("");
        if (problem.startsWith("Duplicate field")) {
            return NOT_AN_ENVELOPE + "a key is given twice";
        }
        int advice = problem.indexOf(": enable");
        return NOT_AN_ENVELOPE + "not strict JSON: " + (advice < 0 ? problem : problem.substring(0, advice))
                .replace("`", "");
    }

    private static void closeQuietly(JsonParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException ignored) {
                // a parser over a string holds nothing to release
            }
        }
    }

    /** The path of the field the parser was reading when it failed ({@code payload.since}), or null at the root. */
    private static String fieldBeingRead(JsonParser parser) {
        if (parser == null) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
             context = context.getParent()) {
            if (context.inArray()) {
                path.insert(0, "[" + Math.max(0, context.getCurrentIndex()) + "]");
            } else if (context.getCurrentName() != null) {
                String name = context.getCurrentName();
                path.insert(0, "." + (name.length() > 40 ? name.substring(0, 40) + "…" : name));
            }
        }
        return path.isEmpty() ? null : path.substring(path.charAt(0) == '.' ? 1 : 0);
    }

    private static void refuseIfAny(List<Violation> violations) {
        if (violations.isEmpty()) {
            return;
        }
        Map<String, List<String>> problemsByField = new LinkedHashMap<>();
        for (Violation violation : violations) {
            problemsByField.computeIfAbsent(violation.field(), field -> new ArrayList<>()).add(violation.problem());
        }
        List<String> fields = new ArrayList<>(problemsByField.keySet());
        StringBuilder reason = new StringBuilder(String.join(", ", problemsByField.get(fields.get(0))));
        for (String field : fields.subList(1, Math.min(fields.size(), REASONS_SHOWN))) {
            reason.append("; ").append(field).append(": ").append(String.join(", ", problemsByField.get(field)));
        }
        if (fields.size() > REASONS_SHOWN) {
            reason.append("; and ").append(fields.size() - REASONS_SHOWN).append(" more field(s)");
        }
        String first = fields.get(0);
        throw new InvalidIntegrationEventException(first.isEmpty() ? null : first, reason.toString(), null);
    }

    /** The path of the field a Jackson error is about ({@code payload.milestoneMonths}), or the root if none. */
    private static String mappingPath(String root, Exception e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return root.isEmpty() ? null : root;
        }
        StringBuilder path = new StringBuilder(root);
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
