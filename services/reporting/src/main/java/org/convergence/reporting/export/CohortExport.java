package org.convergence.reporting.export;

import org.convergence.reporting.figures.PathwayRecord;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The evaluators' pseudonymous cohort of a year: one row per pathway active on a day of the year, dates to the
 * month, program, territory, exit category, promotion, check-ins recorded. Ids are re-keyed with a key drawn for
 * this export and then forgotten (HMAC-SHA-256), so a person's pathways link within one export but two exports
 * cannot be joined. Statistical secrecy: a value or a combination of values shared by fewer than
 * {@code minimumPeople} distinct people of the export is replaced by {@link #SECRET}, and enough other cells that
 * no secret one can be derived by subtraction ({@link #suppress}, ADR 0033).
 */
public final class CohortExport {

    public static final String SECRET = "secret";
    static final List<String> HEADER = List.of("Parcours", "Personne", "Programme", "Territoire", "Mois d'entrée",
            "Mois de sortie", "Catégorie de sortie", "Passage en CDDI", "Points de suivi enregistrés");
    /** The columns that describe people (quasi-identifiers), by index in the header; pseudonyms are not. */
    private static final List<Integer> DESCRIBING = List.of(2, 3, 4, 5, 6, 7, 8);
    private static final int TERRITORY = 3;
    /** The nation's figures that the number of rows of a program gives: its people in each program. */
    private static final Set<String> PEOPLE_COUNTED_BY_ROWS = Set.of("accompanied", "premieresHeures.active");
    /**
     * The order in which a row of a rare combination loses its values: the most precise and least useful to an
     * evaluator first (check-ins, months), the program last. ADR 0033.
     */
    private static final List<Integer> GENERALISED_FIRST = List.of(8, 5, 4, 6, 7, 3, 2);

    private final int minimumPeople;
    private final SecureRandom random;

    public CohortExport(int minimumPeople, SecureRandom random) {
        if (minimumPeople < 1) {
            throw new IllegalArgumentException("the minimum number of people per cell is at least 1");
        }
        this.minimumPeople = minimumPeople;
        this.random = random;
    }

    public CsvTable of(Year year, List<PathwayRecord> pathways) {
        return of(year, pathways, SecretCells.NONE);
    }

    /**
     * The cohort of a year beside the year's figure tables (ADR 0040): a row's territory is secret wherever the
     * tables hide any figure of that territory, so that counting the cohort's rows of a territory never recovers a
     * cell the tables hide. The tables hide, in each figure's national line, none or at least two territories; the
     * rows of all of them together give only their sum, which the national table already gives (the nation minus
     * the published territories). When the tables hide the nation's count of the people the rows are (its
     * Convergence people or its Premières Heures people: a small nation), the cohort has no rows: its length alone
     * would count them.
     *
     * @param secret the year's one secrecy decision over its figure tables (ADR 0037)
     */
    public CsvTable of(Year year, List<PathwayRecord> pathways, SecretCells secret) {
        if (secret.keysOf(LinkedFigures.NATION).stream().anyMatch(PEOPLE_COUNTED_BY_ROWS::contains)) {
            return new CsvTable(HEADER);
        }
        byte[] key = new byte[32];
        random.nextBytes(key);
        Mac mac = mac(key);
        LocalDate first = year.atDay(1);
        LocalDate last = year.atMonth(12).atEndOfMonth();
        List<PathwayRecord> cohort = pathways.stream()
                .filter(p -> p.entryDate() != null && !p.entryDate().isAfter(last))
                .filter(p -> p.exitDate() == null || !p.exitDate().isBefore(first))
                .toList();
        List<String> people = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (PathwayRecord p : cohort) {
            people.add(p.participantId());
            rows.add(new ArrayList<>(List.of(pseudonym(mac, "pathway:" + p.pathwayId()),
                    pseudonym(mac, "person:" + p.participantId()), p.program(), p.territoryId(),
                    YearMonth.from(p.entryDate()).toString(),
                    p.exitDate() == null ? "" : YearMonth.from(p.exitDate()).toString(),
                    p.exitCategory() == null ? "" : p.exitCategory(), p.promotedTo() == null ? "non" : "oui",
                    Integer.toString(p.checkIns().size()))));
        }
        suppress(rows, people, territory -> !secret.keysOf(LinkedFigures.territory(territory)).isEmpty());
        // The order of rows says nothing about the order facts arrived in or ids sort in.
        rows.sort(Comparator.comparing((List<String> r) -> r.get(1)).thenComparing(r -> r.get(0)));
        CsvTable table = new CsvTable(HEADER);
        rows.forEach(table::row);
        return table;
    }

    /**
     * Statistical secrecy of a row-per-pathway file, where a "cell" is a group of people sharing what a row says
     * (ADR 0033). Three rules, repeated until none changes anything:
     * <ol>
     * <li>a value shared by fewer than {@code minimumPeople} people in its column is secret (a rare territory);</li>
     * <li>a row whose combination of describing values is shared by fewer than {@code minimumPeople} people loses
     * one more value, the most precise first ({@link #GENERALISED_FIRST}): a rare combination of common values
     * identifies a person as surely as a rare value;</li>
     * <li>in a column, secret cells hide no value or at least two distinct values: when they hide one, the counts of
     * the published values (and the list of territories or programs, which anyone knows) give it away by
     * subtraction, so the rarest published value is made secret too (complementary suppression).</li>
     * </ol>
     * A secret cell only merges groups, never splits one, and each round hides at least one more cell: it ends.
     */
    void suppress(List<List<String>> rows, List<String> people) {
        suppress(rows, people, territory -> false);
    }

    /** The same, with the territory secret first in every row of a territory the figure tables hide a cell of. */
    void suppress(List<List<String>> rows, List<String> people, java.util.function.Predicate<String> tablesHide) {
        List<List<String>> originals = rows.stream().map(r -> (List<String>) new ArrayList<>(r)).toList();
        for (List<String> row : rows) {
            if (tablesHide.test(row.get(TERRITORY))) {
                row.set(TERRITORY, SECRET);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = suppressRareValues(rows, people);
            changed |= suppressRareCombinations(rows, people);
            changed |= hideAtLeastTwoValuesPerColumn(rows, originals, people);
        }
    }

    private boolean suppressRareValues(List<List<String>> rows, List<String> people) {
        boolean changed = false;
        for (int column : DESCRIBING) {
            Map<String, Set<String>> peopleByValue = peopleBy(rows, people, r -> r.get(column));
            for (List<String> row : rows) {
                if (!row.get(column).equals(SECRET) && peopleByValue.get(row.get(column)).size() < minimumPeople) {
                    row.set(column, SECRET);
                    changed = true;
                }
            }
        }
        return changed;
    }

    private boolean suppressRareCombinations(List<List<String>> rows, List<String> people) {
        boolean changed = false;
        boolean rare = true;
        while (rare) {
            rare = false;
            Map<List<String>, Set<String>> peopleByCombination = peopleBy(rows, people, CohortExport::describing);
            for (List<String> row : rows) {
                if (peopleByCombination.get(describing(row)).size() >= minimumPeople) {
                    continue;
                }
                for (int column : GENERALISED_FIRST) {
                    if (!row.get(column).equals(SECRET)) {
                        row.set(column, SECRET);
                        rare = true;
                        changed = true;
                        break;
                    }
                }
            }
        }
        return changed;
    }

    private boolean hideAtLeastTwoValuesPerColumn(List<List<String>> rows, List<List<String>> originals,
                                                  List<String> people) {
        boolean changed = false;
        for (int column : DESCRIBING) {
            Set<String> hidden = new HashSet<>();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).get(column).equals(SECRET)) {
                    hidden.add(originals.get(i).get(column));
                }
            }
            if (hidden.size() != 1) {
                continue;
            }
            String hiddenValue = hidden.iterator().next();
            Map<String, Set<String>> peopleByValue = peopleBy(rows, people, r -> r.get(column));
            peopleByValue.remove(SECRET);
            peopleByValue.remove(hiddenValue);
            // The rarest published value; ties go to the smallest value, so the export does not depend on hashing.
            peopleByValue.entrySet().stream()
                    .min(Comparator.comparing((Map.Entry<String, Set<String>> e) -> e.getValue().size())
                            .thenComparing(Map.Entry::getKey))
                    .ifPresent(rarest -> rows.stream().filter(r -> r.get(column).equals(rarest.getKey()))
                            .forEach(r -> r.set(column, SECRET)));
            changed |= !peopleByValue.isEmpty();
        }
        return changed;
    }

    /** What a row says about its person: every describing cell, in the header's order. */
    private static List<String> describing(List<String> row) {
        return DESCRIBING.stream().map(row::get).toList();
    }

    private static <K> Map<K, Set<String>> peopleBy(List<List<String>> rows, List<String> people,
                                                    Function<List<String>, K> key) {
        Map<K, Set<String>> peopleByKey = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            peopleByKey.computeIfAbsent(key.apply(rows.get(i)), k -> new HashSet<>()).add(people.get(i));
        }
        return peopleByKey;
    }

    private static String pseudonym(Mac mac, String id) {
        return HexFormat.of().formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)), 0, 12);
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
