package org.convergence.reporting.export;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.convergence.reporting.published.PublishedReports;

import java.time.Year;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The year's evaluator read (its figures of every place and the one secrecy decision taken on them, ADR 0037) kept
 * per read-model state (ADR 0040): a request whose state is the one the kept read was taken at gets that read;
 * any new fact applied, a new edition, another day, and the year is read and decided again.
 * <p>
 * What is kept is the values <em>and</em> the decision taken on them, never a decision alone: a decision is never
 * applied to values read later. The state is read <em>before</em> the values, so a kept read is at least as new
 * as the state it is kept under; a fact applied meanwhile moves the state, and the next request decides again.
 */
@Singleton
public class EvaluatorDecisions {

    /** Keeps nothing: every request reads and decides (ADR 0037's behaviour, the benchmark's baseline). */
    public static final EvaluatorDecisions NONE = new EvaluatorDecisions(null, (Function<Year, String>) null);

    /** Past years are few; a year beyond this many drops the others (they are read again when asked). */
    private static final int YEARS_KEPT = 16;

    private final Supplier<String> readModelState;
    private final Function<Year, String> editions;
    private final Map<Year, Kept> kept = new ConcurrentHashMap<>();

    @Inject
    public EvaluatorDecisions(FactsApplied facts, PublishedReports published) {
        this(facts::state, year -> editionsOf(published, year));
    }

    /**
     * @param readModelState what the read model holds, as a value that changes whenever an applied fact does (null:
     *                       unknown)
     * @param editions       the year's published editions, as a value that changes with a new one
     */
    public EvaluatorDecisions(Supplier<String> readModelState, Function<Year, String> editions) {
        this.readModelState = readModelState;
        this.editions = editions;
    }

    private static String editionsOf(PublishedReports published, Year year) {
        StringBuilder state = new StringBuilder();
        for (PublishedReports.Manifest m : published.editions(year)) {
            state.append('|').append(m.publicationId()).append('#').append(m.edition());
        }
        return state.toString();
    }

    private record Kept(String state, EvaluatorFigures.YearOfFigures read) {
    }

    /** The year's read kept at the current state, or {@code reader}'s, kept for the next request. */
    public EvaluatorFigures.YearOfFigures year(Year year, Function<Year, EvaluatorFigures.YearOfFigures> reader) {
        if (readModelState == null) {
            return reader.apply(year);
        }
        String state = stateOf(year);
        if (state == null) {
            return reader.apply(year);
        }
        Kept k = kept.get(year);
        if (k != null && k.state().equals(state)) {
            return k.read();
        }
        EvaluatorFigures.YearOfFigures read = reader.apply(year);
        if (kept.size() >= YEARS_KEPT && !kept.containsKey(year)) {
            kept.clear();
        }
        kept.put(year, new Kept(state, read));
        return read;
    }

    /**
     * What the year's decision depends on: the facts applied to the read model, the year's editions (a new one is
     * a new figure set under the decision) and the day (a year's live figures may count up to today). Null when
     * the state cannot be told: then nothing is kept.
     */
    private String stateOf(Year year) {
        String facts = readModelState.get();
        if (facts == null) {
            return null;
        }
        return facts + '|' + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + editions.apply(year);
    }
}
