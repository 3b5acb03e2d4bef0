package org.convergence.simulator;

import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.IntegrationEvents;
import org.convergence.contracts.InvalidIntegrationEventException;
import org.convergence.contracts.Topics;
import org.convergence.contracts.chantier.ChantierPathwayFacts;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryGeneratorTest {

    private static final IntegrationEventCodec CODEC = new IntegrationEventCodec(IntegrationEvents.all());
    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 5);
    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

    private static History history(long seed, String territory, double badShare) {
        return HistoryGenerator.generate(new HistoryGenerator.Plan(seed, territory, 2, 20, badShare, 8, AS_OF));
    }

    @Test
    void everyFactHappenedByTheDayItIsSentAndNoRunningPathwayOutlastsFiveYears() {
        History history = history(13, "alpha", 0.1);
        for (SimulatedRecord record : history.records()) {
            assertFalse(record.occurredOn().isAfter(AS_OF), record.toString());
        }
        Map<String, Map<String, String>> pathways = ExpectedState.pathways(history, CODEC);
        pathways.values().stream().filter(p -> !p.containsKey("exitDate") && !p.containsKey("promotedTo"))
                .forEach(running -> assertTrue(LocalDate.parse(running.get("entryDate")).plusMonths(60).isAfter(AS_OF),
                        running.toString()));
        assertTrue(pathways.values().stream().anyMatch(p -> !p.containsKey("exitDate")), "some still run");
    }

    /**
     * The end-to-end test sends a history generated for the day it runs, and the shape of a history depends on that
     * day (entry dates are drawn within it), so the generator must hold its rules on every day of the year, not only
     * on {@link #AS_OF}.
     */
    private static void onEveryDayOf2026(java.util.function.BiConsumer<LocalDate, History> check) {
        for (LocalDate asOf = LocalDate.of(2026, 1, 1); asOf.getYear() == 2026; asOf = asOf.plusDays(1)) {
            for (long seed : new long[]{11, 20_261_130L}) {
                check.accept(asOf, HistoryGenerator.generate(
                        new HistoryGenerator.Plan(seed, "alpha", 2, 10, 0.1, 6, asOf)));
            }
        }
    }

    @Test
    void onEveryDayOfTheYearNoValidTimesheetIsOfAWeekThatHasNotBegun() {
        onEveryDayOf2026((asOf, history) -> history.records().forEach(record ->
                assertFalse(record.valid() && record.occurredOn().isAfter(asOf), "as of " + asOf + ": " + record)));
    }

    /**
     * A week is sent once its pathway's enrolment and entry correction have been: software does not report the
     * hours of someone it has not enrolled, and a week allowed only by the corrected entry would be refused before.
     */
    @Test
    void onEveryDayOfTheYearEachValidWeekIsSentAfterItsPathwaysEnrolmentAndEntryCorrection() {
        onEveryDayOf2026((asOf, history) -> {
            Map<String, Long> entryFactsStillToCome = history.pathwayFacts().stream()
                    .filter(SimulatedRecord::valid)
                    .filter(r -> r.type().name().equals(ChantierPathwayFacts.ENROLLED.name())
                            || r.type().name().equals(ChantierPathwayFacts.ENTRY_CORRECTED.name()))
                    .collect(Collectors.groupingBy(SimulatedRecord::key, Collectors.counting()));
            Set<String> promotedTo = new java.util.HashSet<>();
            for (SimulatedRecord record : history.records()) {
                if (!record.valid()) {
                    continue;
                }
                String type = record.type().name();
                if (type.equals(ChantierPathwayFacts.ENROLLED.name()) || type.equals(ChantierPathwayFacts.ENTRY_CORRECTED.name())) {
                    entryFactsStillToCome.merge(record.key(), -1L, Long::sum);
                } else if (type.equals(ChantierPathwayFacts.PROMOTED.name())) {
                    promotedTo.add(CODEC.toJson(record.payload()).get("convergencePathwayId").asText());
                } else if (!record.pathwayFact()) {
                    assertTrue(promotedTo.contains(record.key())
                                    || entryFactsStillToCome.getOrDefault(record.key(), -1L) == 0,
                            "as of " + asOf + ", sent before its pathway's entry facts: " + record);
                }
            }
        });
    }

    @Test
    void theSameSeedSendsTheSameRecords() {
        assertEquals(history(7, "alpha", 0.1).records(), history(7, "alpha", 0.1).records());
        assertNotEquals(history(7, "alpha", 0.1).records(), history(8, "alpha", 0.1).records());
    }

    @Test
    void anotherTerritoryReceivesTheSameHistoryUnderOtherIds() {
        List<SimulatedRecord> alpha = history(7, "alpha", 0.1).records();
        List<SimulatedRecord> beta = history(7, "beta", 0.1).records();
        assertEquals(alpha.size(), beta.size());
        for (int i = 0; i < alpha.size(); i++) {
            SimulatedRecord a = alpha.get(i);
            SimulatedRecord b = beta.get(i);
            assertEquals(List.of(a.type(), a.occurredOn(), String.valueOf(a.flaw()), a.chantierId().replace("alpha", "")),
                    List.of(b.type(), b.occurredOn(), String.valueOf(b.flaw()), b.chantierId().replace("beta", "")));
            assertNotEquals(a.key(), b.key());
            assertNotEquals(a.eventId(), b.eventId());
        }
        Set<String> alphaIds = alpha.stream().map(SimulatedRecord::key).collect(Collectors.toSet());
        assertTrue(beta.stream().map(SimulatedRecord::key).noneMatch(alphaIds::contains), "a pathway id is used once");
    }

    @Test
    void theBadShareIsTheShareOfBadRecordsAndEveryFlawIsSent() {
        History history = history(3, "alpha", 0.1);
        assertEquals(Math.round(history.valid().size() * 0.1), history.bad().size());
        assertEquals(EnumSet.allOf(Flaw.class), history.bad().stream().map(SimulatedRecord::flaw)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Flaw.class))));
        assertTrue(history(3, "alpha", 0).bad().isEmpty());
    }

    @Test
    void everyKindOfPathwayFactAndTimesheetIsSent() {
        Set<String> types = history(3, "alpha", 0).records().stream().map(record -> record.type().name())
                .collect(Collectors.toSet());
        assertEquals(Set.of("chantier-pathway.enrolled", "chantier-pathway.exited", "chantier-pathway.entry-corrected",
                "chantier-pathway.exit-corrected", "chantier-pathway.promoted", "chantier-pathway.checked-in",
                "timesheet.week-reported"), types);
    }

    @Test
    void validRecordsAndRuleBreakingOnesPassTheContractWhileMalformedOnesAreRefusedByIt() {
        for (SimulatedRecord record : history(5, "alpha", 0.2).records()) {
            byte[] value = record.value(CODEC, NOW);
            if (record.flaw() != null && record.flaw().malformed()) {
                assertThrows(InvalidIntegrationEventException.class, () -> CODEC.decode(record.key(), value),
                        record.toString());
            } else {
                EventEnvelope envelope = CODEC.decode(record.key(), value);
                assertEquals(record.eventId(), envelope.eventId());
                assertEquals(record.chantierId(), envelope.chantierId());
            }
        }
    }

    @Test
    void aPathwaysRecordsAreSentAfterItsEnrolmentOrPromotion() {
        History history = history(11, "alpha", 0.1);
        Set<String> started = new java.util.HashSet<>();
        for (SimulatedRecord record : history.pathwayFacts()) {
            String type = record.type().name();
            if (type.equals("chantier-pathway.enrolled")) {
                started.add(record.key());
            } else {
                assertTrue(started.contains(record.key()), "sent before its pathway: " + record);
                if (type.equals("chantier-pathway.promoted")) {
                    started.add(CODEC.toJson(record.payload()).get("convergencePathwayId").asText());
                }
            }
        }
        for (SimulatedRecord record : history.timesheets()) {
            assertTrue(started.contains(record.key()), "a week of an unknown pathway: " + record);
        }
    }

    @Test
    void eachRecordGoesToItsSendingChantiersOwnTopic() {
        History history = history(11, "alpha", 0.1);
        assertTrue(!history.pathwayFacts().isEmpty() && !history.timesheets().isEmpty());
        for (SimulatedRecord record : history.records()) {
            String own = record.pathwayFact() ? Topics.chantierPathwaysOf(record.chantierId())
                    : Topics.timesheetsOf(record.chantierId());
            assertEquals(own, record.topic(), record.toString());
        }
    }

    @Test
    void unknownOptionsAreRefusedWithTheUsage() {
        assertThrows(IllegalArgumentException.class, () -> SimulatorMain.options(new String[]{"--colour", "red"}));
        assertThrows(IllegalArgumentException.class, () -> SimulatorMain.options(new String[]{"--seed"}));
        assertEquals("42", SimulatorMain.options(new String[]{"--seed", "42"}).get("seed"));
        assertTrue(SimulatorMain.USAGE.contains("--bad-share"));
    }
}
