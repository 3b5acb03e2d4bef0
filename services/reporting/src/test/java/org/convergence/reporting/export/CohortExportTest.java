package org.convergence.reporting.export;

import org.convergence.reporting.figures.PathwayRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CohortExportTest {

    private final CohortExport export = new CohortExport(3, new SecureRandom());

    @Test
    void onePathwayARowDatesToTheMonthAndNoIdOfTheFactsAppears() {
        List<PathwayRecord> pathways = crowd("paris", 4, LocalDate.of(2020, 3, 17));
        List<List<String>> rows = rows(export.of(Year.of(2020), pathways));
        assertEquals(CohortExport.HEADER, rows.get(0));
        assertEquals(5, rows.size());
        assertEquals(List.of("CONVERGENCE", "paris", "2020-03", "2020-11", "OTHER", "non", "1"),
                rows.get(1).subList(2, 9));
        String body = String.join("\n", rows.stream().map(r -> String.join(";", r)).toList());
        for (PathwayRecord p : pathways) {
            assertFalse(body.contains(p.pathwayId()) || body.contains(p.participantId()), "ids are re-keyed");
        }
        assertFalse(body.contains("-17"), "no day of the month");
    }

    @Test
    void aCellDescribingFewerPeopleThanTheMinimumIsSuppressedAndTheNextRarestValueWithIt() {
        List<PathwayRecord> pathways = new ArrayList<>(crowd("paris", 6, LocalDate.of(2020, 3, 1)));
        pathways.addAll(crowd("lyon", 3, LocalDate.of(2020, 3, 1)));
        pathways.addAll(crowd("lozere", 2, LocalDate.of(2020, 3, 1)));
        List<List<String>> rows = rows(export.of(Year.of(2020), pathways));
        long paris = rows.stream().filter(r -> r.get(3).equals("paris")).count();
        long secret = rows.stream().filter(r -> r.get(3).equals(CohortExport.SECRET)).count();
        assertEquals(6, paris);
        assertEquals(5, secret, "two people in Lozère: their territory is not shown");
        assertTrue(rows.stream().noneMatch(r -> r.contains("lozere")));
        // With Lyon shown, its 3 rows and the known list of territories would say the 2 secret rows are Lozère.
        assertTrue(rows.stream().noneMatch(r -> r.contains("lyon")), "the next rarest territory is hidden too");
    }

    @Test
    void aRareCombinationOfCommonValuesIsNotPublished() {
        List<PathwayRecord> pathways = new ArrayList<>(crowd("paris", 3, LocalDate.of(2020, 3, 1)));
        pathways.addAll(crowd("lyon", 3, LocalDate.of(2020, 3, 1)));
        pathways.addAll(crowd("nord", 4, LocalDate.of(2020, 3, 1)));
        pathways.addAll(premieresHeures("paris", 3));
        pathways.addAll(premieresHeures("lyon", 1));
        List<List<String>> rows = rows(export.of(Year.of(2020), pathways)).subList(1, 15);
        // Lyon (4 people) and Premières Heures (4 people) are common; Lyon in Premières Heures is one person.
        assertTrue(rows.stream().noneMatch(r -> r.get(2).equals("PREMIERES_HEURES") && r.get(3).equals("lyon")),
                "nobody is shown as the one Premières Heures participant of Lyon");
        for (List<String> row : rows) {
            List<String> says = row.subList(2, 9);
            long alike = rows.stream().filter(r -> r.subList(2, 9).equals(says)).count();
            assertTrue(alike >= 3 || says.stream().allMatch(CohortExport.SECRET::equals),
                    "a row sets apart fewer than 3 pathways: " + says);
        }
        assertEquals(3, rows.stream().filter(r -> r.get(2).equals("PREMIERES_HEURES") && r.get(3).equals("paris"))
                .count(), "a common combination keeps its values");
        assertEquals(6, rows.stream().filter(r -> r.get(3).equals("paris")).count());
    }

    @Test
    void twoExportsOfTheSameFactsCannotBeJoinedOnTheirPseudonyms() {
        List<PathwayRecord> pathways = crowd("paris", 5, LocalDate.of(2020, 1, 1));
        Set<String> first = pseudonyms(rows(export.of(Year.of(2020), pathways)));
        Set<String> second = pseudonyms(rows(export.of(Year.of(2020), pathways)));
        assertEquals(10, first.size());
        first.retainAll(second);
        assertTrue(first.isEmpty(), "no pseudonym in common: " + first);
    }

    @Test
    void aPersonsPathwaysShareOnePseudonymWithinAnExport() {
        String person = UUID.randomUUID().toString();
        List<PathwayRecord> pathways = new ArrayList<>(crowd("paris", 3, LocalDate.of(2020, 1, 1)));
        pathways.add(new PathwayRecord(UUID.randomUUID().toString(), person, "PREMIERES_HEURES", "paris", "c",
                LocalDate.of(2020, 1, 1), LocalDate.of(2020, 5, 31), null, "x"));
        pathways.add(new PathwayRecord(UUID.randomUUID().toString(), person, "CONVERGENCE", "paris", "c",
                LocalDate.of(2020, 6, 1), null, null, null));
        List<List<String>> rows = rows(export.of(Year.of(2020), pathways));
        assertEquals(5, rows.size() - 1, "5 pathways");
        assertEquals(4, rows.stream().skip(1).map(r -> r.get(1)).distinct().count(), "4 people");
    }

    @Test
    void onlyPathwaysActiveOnADayOfTheYearAreInItsCohort() {
        List<PathwayRecord> pathways = new ArrayList<>(crowd("paris", 3, LocalDate.of(2020, 1, 1)));
        pathways.add(new PathwayRecord("a", "p", "CONVERGENCE", "paris", "c", LocalDate.of(2018, 1, 1),
                LocalDate.of(2019, 12, 31), "OTHER", null));
        pathways.add(new PathwayRecord("b", "q", "CONVERGENCE", "paris", "c", LocalDate.of(2021, 1, 1), null,
                null, null));
        assertEquals(4, rows(export.of(Year.of(2020), pathways)).size());
    }

    @Test
    void theTerritoriesTheTablesHideAreSecretInTheCohortAndASmallNationLeavesItWithoutRows() {
        List<PathwayRecord> pathways = new ArrayList<>(crowd("paris", 4, LocalDate.of(2020, 1, 1)));
        pathways.addAll(crowd("lyon", 4, LocalDate.of(2020, 1, 1)));
        pathways.addAll(crowd("lille", 4, LocalDate.of(2020, 1, 1)));
        SecretCells tables = new SecretCells(java.util.Map.of(LinkedFigures.territory("paris"), Set.of("exits"),
                LinkedFigures.territory("lyon"), Set.of("accompanied")));
        List<List<String>> rows = rows(export.of(Year.of(2020), pathways, tables));
        assertEquals(12, rows.size() - 1);
        assertEquals(0, rows.stream().filter(r -> r.contains("paris") || r.contains("lyon")).count(),
                "a territory with any hidden figure is hidden in every row");
        assertEquals(4, rows.stream().filter(r -> r.contains("lille")).count());

        SecretCells smallNation = new SecretCells(java.util.Map.of(LinkedFigures.NATION, Set.of("accompanied")));
        assertEquals(List.of(CohortExport.HEADER), rows(export.of(Year.of(2020), pathways, smallNation)),
                "the number of rows would count the nation");
    }

    private static List<PathwayRecord> crowd(String territory, int people, LocalDate entry) {
        List<PathwayRecord> pathways = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            pathways.add(new PathwayRecord(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "CONVERGENCE",
                    territory, "c", entry, LocalDate.of(2020, 11, 30), "OTHER", null, Set.of(1)));
        }
        return pathways;
    }

    private static List<PathwayRecord> premieresHeures(String territory, int people) {
        List<PathwayRecord> pathways = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            pathways.add(new PathwayRecord(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                    "PREMIERES_HEURES", territory, "c", LocalDate.of(2020, 3, 1), LocalDate.of(2020, 11, 30), "OTHER",
                    null, Set.of(1)));
        }
        return pathways;
    }

    private static Set<String> pseudonyms(List<List<String>> rows) {
        Set<String> ids = new HashSet<>();
        rows.stream().skip(1).forEach(r -> {
            ids.add(r.get(0));
            ids.add(r.get(1));
        });
        return ids;
    }

    private static List<List<String>> rows(CsvTable table) {
        String text = new String(table.bytes(), StandardCharsets.UTF_8).substring(1);
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\r\n")) {
            rows.add(List.of(line.split(";", -1)));
        }
        return rows;
    }
}
