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

/**
 * The evaluators' pseudonymous cohort of a year: one row per pathway active on a day of the year, dates to the
 * month, program, territory, exit category, promotion, check-ins recorded. Ids are re-keyed with a key drawn for
 * this export and then forgotten (HMAC-SHA-256), so a person's pathways link within one export but two exports
 * cannot be joined. Statistical secrecy: a cell whose value is shared by fewer than {@code minimumPeople} distinct
 * people of the export is replaced by {@link #SECRET}.
 */
public final class CohortExport {

    public static final String SECRET = "secret";
    static final List<String> HEADER = List.of("Parcours", "Personne", "Programme", "Territoire", "Mois d'entrée",
            "Mois de sortie", "Catégorie de sortie", "Passage en CDDI", "Points de suivi enregistrés");
    /** The columns that describe people (quasi-identifiers), by index in the header; pseudonyms are not. */
    private static final List<Integer> DESCRIBING = List.of(2, 3, 4, 5, 6, 7, 8);

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
        suppressSmallCells(rows, people);
        // The order of rows says nothing about the order facts arrived in or ids sort in.
        rows.sort(Comparator.comparing((List<String> r) -> r.get(1)).thenComparing(r -> r.get(0)));
        CsvTable table = new CsvTable(HEADER);
        rows.forEach(table::row);
        return table;
    }

    private void suppressSmallCells(List<List<String>> rows, List<String> people) {
        for (int column : DESCRIBING) {
            Map<String, Set<String>> peopleByValue = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                peopleByValue.computeIfAbsent(rows.get(i).get(column), v -> new HashSet<>()).add(people.get(i));
            }
            for (List<String> row : rows) {
                if (peopleByValue.get(row.get(column)).size() < minimumPeople) {
                    row.set(column, SECRET);
                }
            }
        }
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
