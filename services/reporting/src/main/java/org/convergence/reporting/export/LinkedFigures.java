package org.convergence.reporting.export;

import org.convergence.reporting.dashboard.FigureValue;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One place's figures of a year and the places it is the whole of: the nation above its territories, a territory
 * above its chantiers. Every place with parts is a table {@code whole = sum of parts} that an evaluator can read
 * (a CSV, a JSON answer, a dashboard page); a place is in two tables at once, as a part and as a whole (ADR 0037).
 *
 * @param place  the place's key, the same in every figure set: {@link #NATION}, {@link #territory}, {@link #chantier}
 * @param figures the place's figures by dotted key ({@code FigureTree})
 */
public record LinkedFigures(String place, Map<String, FigureValue> figures, List<LinkedFigures> parts) {

    public static final String NATION = "nation";

    public static String territory(String territoryId) {
        return "territory:" + territoryId;
    }

    public static String chantier(String chantierId) {
        return "chantier:" + chantierId;
    }

    /** This place and every place below it, wholes before their parts. */
    public void forEach(Consumer<LinkedFigures> action) {
        action.accept(this);
        parts.forEach(p -> p.forEach(action));
    }
}
