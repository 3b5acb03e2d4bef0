package org.convergence.simulator;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the software of one territory's chantiers sends, in the order it sends it (the order facts happened in).
 * The same seed gives the same history; another territory gets the same history under other ids.
 */
public record History(String territoryId, List<ChantierSetup> chantiers, List<SimulatedRecord> records) {

    public History {
        chantiers = List.copyOf(chantiers);
        records = List.copyOf(records);
    }

    public List<SimulatedRecord> valid() {
        return records.stream().filter(SimulatedRecord::valid).toList();
    }

    public List<SimulatedRecord> bad() {
        return records.stream().filter(record -> !record.valid()).toList();
    }

    /** The pathway facts, whichever chantier's topic they go to. */
    public List<SimulatedRecord> pathwayFacts() {
        return records.stream().filter(SimulatedRecord::pathwayFact).toList();
    }

    /** The weekly timesheets, whichever chantier's topic they go to. */
    public List<SimulatedRecord> timesheets() {
        return records.stream().filter(record -> !record.pathwayFact()).toList();
    }

    /** Every topic its records go to: each sending chantier's own. */
    public java.util.SortedSet<String> topics() {
        java.util.SortedSet<String> topics = new java.util.TreeSet<>();
        records.forEach(record -> topics.add(record.topic()));
        return topics;
    }

    /** How many bad records of each expected code. */
    public Map<String, Long> badByCode() {
        Map<String, Long> counts = new TreeMap<>();
        bad().forEach(record -> counts.merge(record.flaw().code(), 1L, Long::sum));
        return counts;
    }
}
