package org.convergence.platform.eventstore;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The payload mapper's way without JSON text (ADR 0052) stores and reads exactly what the text way did: the same
 * document, value for value and type for type (an int32 is not an int64 to {@link Document#equals}), and the same
 * record from a document as stored and read back.
 */
class PayloadMapperTest {

    private final PayloadMapper mapper = new PayloadMapper();

    enum Kind { RECORDED, CORRECTED }

    record Absences(int sick, int authorised) {
    }

    record Sample(String text, int minutes, long count, double share, boolean flag, LocalDate day, Instant at,
                  Kind kind, List<String> tags, Absences absences, Integer maybe, List<Absences> weeks) {
    }

    record FloatSample(float share) {
    }

    record DecimalSample(BigDecimal amount) {
    }

    @Property(tries = 400)
    void aPayloadIsStoredAsTheTextWayStoredIt(@ForAll("samples") Sample sample) {
        Document direct = mapper.toDocument(sample);
        Document throughText = mapper.toDocumentThroughText(sample);

        assertEquals(throughText, direct);
        assertEquals(typesOf(throughText), typesOf(direct));
    }

    @Property(tries = 400)
    void aStoredPayloadReadsBackAsTheTextWayReadIt(@ForAll("samples") Sample sample) {
        Document stored = roundTripThroughBson(mapper.toDocument(sample));

        Object direct = mapper.fromDocument(stored, Sample.class.getName());

        assertEquals(sample, direct);
        assertEquals(mapper.fromDocumentThroughText(stored, Sample.class.getName(), Sample.class), direct);
    }

    @Example
    void aPayloadOfPlainJsonValuesIsStoredAndReadWithoutJsonText() {
        Sample sample = new Sample("26 h", 1_560, 3L, 0.9, true, LocalDate.of(2020, 3, 2),
                Instant.parse("2020-03-02T08:00:00.123456Z"), Kind.RECORDED, List.of("a"), new Absences(60, 0), null,
                List.of(new Absences(0, 30)));

        Object read = mapper.fromDocument(roundTripThroughBson(mapper.toDocument(sample)), Sample.class.getName());

        assertEquals(sample, read);
        assertEquals(0, mapper.throughTextCount());
        mapper.toDocument(new FloatSample(0.5f));
        assertEquals(1, mapper.throughTextCount());
    }

    @Example
    void wholeNumbersAreInt32WhenTheyFitAndInt64Otherwise() {
        Document small = mapper.toDocument(new Sample("a", 1, 7L, 0.5, true, null, null, null, null, null, null, null));
        Document big = mapper.toDocument(new Sample("a", 1, 1L << 40, 0.5, true, null, null, null, null, null, null,
                null));

        assertEquals(Integer.class, small.get("count").getClass());
        assertEquals(Long.class, big.get("count").getClass());
        assertEquals(mapper.toDocumentThroughText(big), big);
    }

    @Example
    void floatsAndDecimalsAreStoredAsTheirTextReads() {
        FloatSample floats = new FloatSample(0.1f);
        DecimalSample decimals = new DecimalSample(new BigDecimal("12345678901234567890.125"));

        assertEquals(mapper.toDocumentThroughText(floats), mapper.toDocument(floats));
        assertEquals(mapper.toDocumentThroughText(decimals), mapper.toDocument(decimals));
        assertEquals(0.1f, ((FloatSample) mapper.fromDocument(mapper.toDocument(floats),
                FloatSample.class.getName())).share());
    }

    @Example
    void aDocumentHoldingABsonDateReadsAsTheTextWayReadsIt() {
        Document stored = new Document("text", "a").append("at", new Date(0));

        Object viaText = mapper.fromDocumentThroughText(stored, Map.class.getName(), Map.class);

        assertEquals(viaText, mapper.fromDocument(stored, Map.class.getName()));
    }

    @Example
    void aFieldNamedLikeAnExtendedJsonOperatorIsStoredAsTheTextWayStoresIt() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("when", Map.of("$date", 0));

        Document throughText = mapper.toDocumentThroughText(payload);

        assertEquals(Date.class, throughText.get("when").getClass()); // read as extended JSON by the text way
        assertEquals(throughText, mapper.toDocument(payload));
    }

    @Provide
    Arbitrary<Sample> samples() {
        Arbitrary<String> texts = Arbitraries.strings().withCharRange('\u0000', '\uD7FF').ofMaxLength(40).injectNull(0.05);
        Arbitrary<Absences> absences = Combinators.combine(Arbitraries.integers(), Arbitraries.integers())
                .as(Absences::new);
        Arbitrary<Double> doubles = Arbitraries.oneOf(Arbitraries.doubles(),
                Arbitraries.of(0.0, -0.0, 1e300, 4.9e-324, 1.0e10, 26.5));
        Arbitrary<LocalDate> days = Arbitraries.longs().between(-100_000, 100_000).map(LocalDate::ofEpochDay)
                .injectNull(0.1);
        Arbitrary<Instant> instants = Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L)
                .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)))
                .injectNull(0.1);
        Arbitrary<Long> longs = Arbitraries.oneOf(Arbitraries.longs(),
                Arbitraries.longs().between(Integer.MIN_VALUE - 2L, Integer.MAX_VALUE + 2L));
        return Combinators.combine(
                        Combinators.combine(texts, Arbitraries.integers(), longs, doubles, Arbitraries.of(true, false),
                                days, instants, Arbitraries.of(Kind.class).injectNull(0.1)).as(Head::new),
                        texts.list().ofMaxSize(4).injectNull(0.1), absences.injectNull(0.1),
                        Arbitraries.integers().injectNull(0.3), absences.list().ofMaxSize(3).injectNull(0.1))
                .as((head, tags, absence, maybe, weeks) -> new Sample(head.text, head.minutes, head.count,
                        head.share, head.flag, head.day, head.at, head.kind, tags, absence, maybe, weeks));
    }

    private record Head(String text, int minutes, long count, double share, boolean flag, LocalDate day, Instant at,
                        Kind kind) {
    }

    /** As the database keeps it: encoded to BSON and decoded again. */
    private static Document roundTripThroughBson(Document document) {
        BsonDocument bson = new BsonDocument();
        new DocumentCodec().encode(new BsonDocumentWriter(bson), document, EncoderContext.builder().build());
        return new DocumentCodec().decode(new BsonDocumentReader(bson), DecoderContext.builder().build());
    }

    private static Object typesOf(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> types = new LinkedHashMap<>();
            map.forEach((k, v) -> types.put(k, typesOf(v)));
            return types;
        }
        if (value instanceof List<?> list) {
            List<Object> types = new ArrayList<>();
            list.forEach(v -> types.add(typesOf(v)));
            return types;
        }
        return value == null ? "null" : value.getClass().getName();
    }
}
