package org.convergence.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.convergence.contracts.IntegrationEventCodec;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** What the services must hold once a history's valid records are applied, folded from the records themselves. */
final class ExpectedState {

    private ExpectedState() {
    }

    /** Per pathway, the fields of enrolment's {@code GET /pathways/{id}} the valid facts decide. */
    static Map<String, Map<String, String>> pathways(History history, IntegrationEventCodec codec) {
        Map<String, Map<String, String>> pathways = new LinkedHashMap<>();
        for (SimulatedRecord record : history.valid()) {
            if (!record.pathwayFact()) {
                continue;
            }
            JsonNode p = codec.toJson(record.payload());
            Map<String, String> pathway = pathways.computeIfAbsent(record.key(), id -> new HashMap<>());
            switch (record.type().name()) {
                case "chantier-pathway.enrolled" -> {
                    pathway.put("program", p.get("program").asText());
                    pathway.put("chantierId", record.chantierId());
                    pathway.put("entryDate", p.get("entryDate").asText());
                }
                case "chantier-pathway.entry-corrected" -> pathway.put("entryDate", p.get("entryDate").asText());
                case "chantier-pathway.exited", "chantier-pathway.exit-corrected" -> {
                    pathway.put("exitDate", p.get("exitDate").asText());
                    pathway.put("exitCategory", p.get("exitCategory").asText());
                    pathway.put("housingAtExit", p.path("housingAtExit").asText("null"));
                }
                case "chantier-pathway.promoted" -> {
                    String cddi = p.get("convergencePathwayId").asText();
                    pathway.put("promotedTo", cddi);
                    Map<String, String> convergence = pathways.computeIfAbsent(cddi, id -> new HashMap<>());
                    convergence.put("program", "CONVERGENCE");
                    convergence.put("chantierId", record.chantierId());
                    convergence.put("entryDate", p.get("promotionDate").asText());
                    convergence.put("promotedFrom", record.key());
                }
                default -> {
                    // a check-in changes no field of the pathway's view; the figures and work lists show it
                }
            }
        }
        return pathways;
    }

    static boolean matches(JsonNode view, Map<String, String> expected) {
        return expected.entrySet().stream().allMatch(field -> {
            JsonNode value = view.get(field.getKey());
            return field.getValue().equals(value == null || value.isNull() ? "null" : value.asText());
        });
    }

    /** Per pathway, the minutes worked of each week reported, the last valid report of a week winning. */
    static Map<String, Map<String, Integer>> weeks(History history, IntegrationEventCodec codec) {
        Map<String, Map<String, Integer>> weeks = new LinkedHashMap<>();
        for (SimulatedRecord record : history.valid()) {
            if (!record.pathwayFact()) {
                JsonNode p = codec.toJson(record.payload());
                weeks.computeIfAbsent(record.key(), id -> new TreeMap<>()).put(p.get("week").asText(),
                        p.get("minutesWorked").asInt());
            }
        }
        return weeks;
    }
}
