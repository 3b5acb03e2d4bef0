package org.convergence.reporting.export;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cohort export's statistical secrecy on any file (ADR 0033): no rare value, no rare combination of values, and
 * no column whose secret cells hide a single value that the published ones would give away by subtraction.
 */
class CohortSuppressionTest {

    private static final List<Integer> DESCRIBING = List.of(2, 3, 4, 5, 6, 7, 8);

    @Property(tries = 300)
    void whatIsPublishedNeverSetsApartFewerPeopleThanTheMinimumNorGivesASecretValueAway(
            @ForAll("cohorts") List<List<String>> original, @ForAll @IntRange(min = 2, max = 6) int minimum) {
        List<String> people = original.stream().map(r -> r.get(1)).toList();
        List<List<String>> rows = original.stream().map(r -> (List<String>) new ArrayList<>(r)).toList();

        new CohortExport(minimum, new SecureRandom()).suppress(rows, people);

        Map<List<String>, Set<String>> byCombination = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            byCombination.computeIfAbsent(describing(rows.get(i)), k -> new HashSet<>()).add(people.get(i));
        }
        for (List<String> row : rows) {
            boolean allSecret = describing(row).stream().allMatch(CohortExport.SECRET::equals);
            assertTrue(allSecret || byCombination.get(describing(row)).size() >= minimum,
                    "a published combination sets apart fewer than " + minimum + " people: " + row);
        }
        for (int column : DESCRIBING) {
            Map<String, Set<String>> byValue = new HashMap<>();
            Set<String> hidden = new HashSet<>();
            for (int i = 0; i < rows.size(); i++) {
                String value = rows.get(i).get(column);
                byValue.computeIfAbsent(value, k -> new HashSet<>()).add(people.get(i));
                if (value.equals(CohortExport.SECRET)) {
                    hidden.add(original.get(i).get(column));
                }
            }
            byValue.forEach((value, who) -> assertFalse(!value.equals(CohortExport.SECRET) && who.size() < minimum,
                    "column " + column + " shows " + value + " for " + who.size() + " people"));
            if (hidden.size() == 1) {
                String only = hidden.iterator().next();
                assertTrue(byValue.keySet().stream().allMatch(v -> v.equals(CohortExport.SECRET) || v.equals(only)),
                        "column " + column + " hides only " + only + " while publishing " + byValue.keySet());
            }
        }
    }

    @Provide
    Arbitrary<List<List<String>>> cohorts() {
        Arbitrary<String> person = Arbitraries.integers().between(0, 60).map(i -> "person-" + i);
        Arbitrary<List<String>> row = Combinators.combine(Arbitraries.of("CONVERGENCE", "PREMIERES_HEURES"),
                Arbitraries.of("paris", "lyon", "lozere", "nord"), Arbitraries.of("2020-01", "2020-02", "2019-11"),
                Arbitraries.of("", "2020-06", "2020-12"), Arbitraries.of("", "OTHER", "DURABLE_EMPLOYMENT"),
                Arbitraries.of("oui", "non"), Arbitraries.of("0", "1", "2"), person)
                .as((program, territory, entry, exit, category, promoted, checkIns, who) -> List.of("pathway", who,
                        program, territory, entry, exit, category, promoted, checkIns));
        return row.list().ofMinSize(1).ofMaxSize(80);
    }

    private static List<String> describing(List<String> row) {
        return DESCRIBING.stream().map(row::get).toList();
    }
}
