package org.convergence.reporting.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.convergence.reporting.figures.Mean;
import org.convergence.reporting.figures.NationalFigures;
import org.convergence.reporting.figures.Rate;
import org.convergence.reporting.figures.TerritoryFigures;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FigureLabelsTest {

    private final FigureTree tree = new FigureTree(new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));

    @Test
    void everyFigureOfATerritoryAndOfTheNationHasAFrenchLabel() {
        FigureLabels labels = new FigureLabels();
        for (Class<?> figures : List.of(TerritoryFigures.class, NationalFigures.class)) {
            Map<String, FigureValue> values = tree.of(filled(figures));
            assertTrue(values.size() >= 8, "figures found: " + values.keySet());
            for (String key : values.keySet()) {
                assertTrue(labels.has(key), "figure " + key + " of " + figures.getSimpleName() + " needs a line in "
                        + FigureLabels.RESOURCE);
            }
        }
    }

    @Test
    void countsSharesAndMeansAreReadFromTheRecordsAndIdentifiersAreNotFigures() {
        Map<String, FigureValue> values = tree.of(filled(TerritoryFigures.class));
        assertInstanceOf(FigureValue.Count.class, values.get("accompanied"));
        assertEquals(new FigureValue.Share(1, 2, 0.5), values.get("dynamicExits"));
        assertEquals(new FigureValue.Average(1, 1, 1.0), values.get("averagePathwayMonths"));
        assertInstanceOf(FigureValue.Count.class, values.get("premieresHeures.promotions"));
        assertTrue(values.keySet().stream().noneMatch(Set.of("territoryId", "year", "asOf")::contains));
    }

    @Test
    void sharesAndMeansAreShownTheFrenchWayWithWhatTheyAreMadeOf() {
        assertEquals("37,5\u202f%", new FigureValue.Share(3, 8, 0.375).display());
        assertEquals("3 / 8", new FigureValue.Share(3, 8, 0.375).detail());
        assertEquals("—", new FigureValue.Share(0, 0, null).display());
        assertEquals("26,1", new FigureValue.Average(52.2, 2, 26.1).display());
        assertEquals("1\u202f234", new FigureValue.Count(1234).display().replace('\u00a0', '\u202f'));
    }

    /**
     * An instance of a figures record with every figure present: what a new figure field would look like. A component
     * of another type (an enum, a decimal) is left null: primitives of other types are not expected in figures.
     */
    static Object filled(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == double.class || type == Double.class) {
            return 1.0;
        }
        if (type == boolean.class || type == Boolean.class) {
            return false;
        }
        if (type == Rate.class) {
            return Rate.of(1, 2);
        }
        if (type == Mean.class) {
            return Mean.of(1, 1);
        }
        if (type == String.class) {
            return "x";
        }
        if (type == Instant.class) {
            return Instant.EPOCH;
        }
        if (type == LocalDate.class) {
            return LocalDate.EPOCH;
        }
        if (type == List.class) {
            return List.of();
        }
        if (type == Map.class) {
            return Map.of();
        }
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = filled(types[i]);
            }
            try {
                return type.getDeclaredConstructor(types).newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return null; // a type this sample does not know: left out, as a figure the dashboard would not show
    }
}
