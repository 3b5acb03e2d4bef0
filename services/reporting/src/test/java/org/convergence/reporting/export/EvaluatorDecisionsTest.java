package org.convergence.reporting.export;

import org.junit.jupiter.api.Test;

import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A year's evaluator read is kept per read-model state and edition list, and only that long (ADR 0040). */
class EvaluatorDecisionsTest {

    private static final Year YEAR = Year.of(2021);

    private final AtomicReference<String> state = new AtomicReference<>("offsets-1");
    private final AtomicReference<String> editions = new AtomicReference<>("");
    private final AtomicInteger reads = new AtomicInteger();

    private EvaluatorFigures.YearOfFigures read(Year year) {
        reads.incrementAndGet();
        return new EvaluatorFigures.YearOfFigures(null, Map.of(), null, List.of(), SecretCells.NONE);
    }

    @Test
    void anUnchangedStateReusesTheReadAndItsDecision() {
        EvaluatorDecisions decisions = new EvaluatorDecisions(state::get, y -> editions.get());
        EvaluatorFigures.YearOfFigures first = decisions.year(YEAR, this::read);
        assertSame(first, decisions.year(YEAR, this::read));
        assertEquals(1, reads.get());
    }

    @Test
    void aNewFactOrANewEditionReadsAndDecidesAgain() {
        EvaluatorDecisions decisions = new EvaluatorDecisions(state::get, y -> editions.get());
        EvaluatorFigures.YearOfFigures first = decisions.year(YEAR, this::read);
        state.set("offsets-2");
        EvaluatorFigures.YearOfFigures second = decisions.year(YEAR, this::read);
        assertNotSame(first, second);
        editions.set("|p1#1");
        assertNotSame(second, decisions.year(YEAR, this::read));
        assertEquals(3, reads.get());
    }

    @Test
    void anUnknownStateKeepsNothing() {
        EvaluatorDecisions decisions = new EvaluatorDecisions(() -> null, y -> "");
        decisions.year(YEAR, this::read);
        decisions.year(YEAR, this::read);
        assertEquals(2, reads.get());
        EvaluatorDecisions.NONE.year(YEAR, this::read);
        assertEquals(3, reads.get());
    }
}
