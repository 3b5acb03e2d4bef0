package org.convergence.reporting.territories;

import org.bson.Document;
import org.convergence.reporting.projection.ReportingModel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the territories by program and status. The territories collection holds one small document per
 * territory, so a full read is cheap even on the embedded server. Status as of a day follows from the stored
 * dates: a territory engaged after that day does not count yet.
 */
public final class Deployments {

    public static final String ENGAGED = "ENGAGED";
    public static final String OPERATIONAL = "OPERATIONAL";

    private final ReportingModel model;

    public Deployments(ReportingModel model) {
        this.model = model;
    }

    public TerritoriesByProgram asOf(LocalDate day) {
        List<TerritoryDeployment> territories = new ArrayList<>();
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (Document d : model.territories().find()) {
            if (d.getString("name") == null) {
                continue; // known from a pathway fact only; its registration has not arrived yet
            }
            TerritoryDeployment territory = deploymentOf(d, day);
            territory.programs().forEach((program, deployment) -> counts
                    .computeIfAbsent(program, p -> new TreeMap<>(Map.of(ENGAGED, 0, OPERATIONAL, 0)))
                    .merge(deployment.status(), 1, Integer::sum));
            territories.add(territory);
        }
        territories.sort(Comparator.comparing(TerritoryDeployment::territoryId));
        return new TerritoriesByProgram(day, counts, territories);
    }

    private static TerritoryDeployment deploymentOf(Document d, LocalDate day) {
        Map<String, TerritoryDeployment.ProgramDeployment> programs = new TreeMap<>();
        Document stored = d.get("programs", Document.class);
        if (stored != null) {
            for (String program : stored.keySet()) {
                Document dates = stored.get(program, Document.class);
                LocalDate engagedOn = dateOrNull(dates.getString("engagedOn"));
                LocalDate operationalSince = dateOrNull(dates.getString("operationalSince"));
                boolean operational = operationalSince != null && !operationalSince.isAfter(day);
                boolean engaged = engagedOn != null && !engagedOn.isAfter(day);
                if (operational || engaged) {
                    programs.put(program, new TerritoryDeployment.ProgramDeployment(
                            operational ? OPERATIONAL : ENGAGED, engagedOn,
                            operational ? operationalSince : null));
                }
            }
        }
        LocalDate firstCommittee = d.getList("steeringCommittees", String.class, List.of()).stream()
                .map(LocalDate::parse).filter(date -> !date.isAfter(day)).min(Comparator.naturalOrder()).orElse(null);
        return new TerritoryDeployment(d.getString("_id"), d.getString("name"), d.getString("densityKind"),
                d.getString("coordinationStructure"), firstCommittee, programs);
    }

    private static LocalDate dateOrNull(String value) {
        return value == null ? null : LocalDate.parse(value);
    }
}
