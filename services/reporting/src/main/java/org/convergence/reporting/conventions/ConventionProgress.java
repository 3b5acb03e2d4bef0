package org.convergence.reporting.conventions;

import org.convergence.reporting.territories.Deployments;
import org.convergence.reporting.territories.TerritoriesByProgram;
import org.convergence.reporting.territories.TerritoryDeployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where each convention stands at the end of a year (or today, for the current year): territories operational in
 * its program (and engaged only), new territories since its start, and the program's participants of the year.
 * Pure: computed from the territories by program as of that day and the year's participants of each program.
 */
public final class ConventionProgress {

    private ConventionProgress() {
    }

    /** One target and the figure that measures it; {@code reached} says whether the figure meets it. */
    public record Target(String what, String target, long actual, boolean reached) {
    }

    public record Progress(Convention convention, int year, List<Target> targets) {
    }

    /**
     * @param deployment   the territories by program as of the end of the year (or today)
     * @param participants per program code, the participants of the year (Premières Heures: active in the year)
     */
    public static List<Progress> of(List<Convention> conventions, int year, TerritoriesByProgram deployment,
                                    Map<String, Integer> participants) {
        List<Progress> progress = new ArrayList<>();
        for (Convention c : conventions) {
            List<Target> targets = new ArrayList<>();
            long operational = deployment.territories().stream().filter(t -> status(t, c).equals(
                    Deployments.OPERATIONAL)).count();
            if (c.territoriesMin().isPresent() || c.territoriesMax().isPresent()) {
                int min = c.territoriesMin().orElse(0);
                String range = c.territoriesMax().map(max -> min + "–" + max).orElse("≥ " + min);
                targets.add(new Target("territoriesOperational", range, operational, operational >= min));
            }
            c.newTerritories().ifPresent(target -> {
                long fresh = deployment.territories().stream()
                        .filter(t -> t.programs().containsKey(c.program()))
                        .filter(t -> c.newSince().map(since -> !joined(t.programs().get(c.program()))
                                .isBefore(since)).orElse(true))
                        .count();
                targets.add(new Target("newTerritories", Integer.toString(target), fresh, fresh >= target));
            });
            c.participants().ifPresent(target -> {
                int actual = participants.getOrDefault(c.program(), 0);
                targets.add(new Target("participants", "≈ " + target, actual, actual >= target));
            });
            progress.add(new Progress(c, year, targets));
        }
        return progress;
    }

    /** When a territory joined a program: engaged, or operational straight away. */
    private static java.time.LocalDate joined(TerritoryDeployment.ProgramDeployment d) {
        if (d.engagedOn() == null) {
            return d.operationalSince();
        }
        return d.operationalSince() == null || d.engagedOn().isBefore(d.operationalSince()) ? d.engagedOn()
                : d.operationalSince();
    }

    private static String status(TerritoryDeployment t, Convention c) {
        TerritoryDeployment.ProgramDeployment d = t.programs().get(c.program());
        return d == null ? "" : d.status();
    }
}
