package org.convergence.reporting.conventions;

import org.convergence.reporting.territories.Deployments;
import org.convergence.reporting.territories.TerritoriesByProgram;
import org.convergence.reporting.territories.TerritoryDeployment;

import com.fasterxml.jackson.annotation.JsonInclude;

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

    /**
     * One target and the figure that measures it; {@code reached} says whether the figure meets it. Both are null
     * when the figure is secret for the reader (an evaluator, ADR 0040): then the progress lists {@code what} under
     * {@code secret}.
     */
    public record Target(String what, String target, Long actual, Boolean reached) {
    }

    /**
     * @param secret for an evaluator, the targets ({@code what}) whose figure is secret, {@code []} when none is;
     *               absent for the readers of exact figures (ADR 0037's vocabulary)
     */
    public record Progress(Convention convention, int year, List<Target> targets,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<String> secret) {

        public Progress(Convention convention, int year, List<Target> targets) {
            this(convention, year, targets, null);
        }
    }

    /** The participants' target counts people: the nation's figure of that program, under the year's decision. */
    static final String PARTICIPANTS = "participants";

    /**
     * The progress as an evaluator may read it (ADR 0040): a target that counts people (the program's participants
     * of the year, the nation's figure of the tables) is secret where the year's one decision hides that figure of
     * the nation (it does for a count under the minimum, the primary pass); counts of territories describe no one
     * and stay.
     *
     * @param nationSecret the nation's secret figure keys in the year's decision ({@code accompanied},
     *                     {@code premieresHeures.active}, ...)
     */
    public static List<Progress> underSecrecy(List<Progress> progress, java.util.Set<String> nationSecret) {
        List<Progress> masked = new ArrayList<>();
        for (Progress p : progress) {
            List<Target> targets = new ArrayList<>();
            List<String> secret = new ArrayList<>();
            for (Target t : p.targets()) {
                String key = t.what().equals(PARTICIPANTS) ? figureOfParticipants(p.convention().program()) : null;
                if (key == null || !nationSecret.contains(key)) {
                    targets.add(t);
                } else {
                    targets.add(new Target(t.what(), t.target(), null, null));
                    secret.add(t.what());
                }
            }
            masked.add(new Progress(p.convention(), p.year(), targets, secret));
        }
        return masked;
    }

    /**
     * The nation's figure key (in the figure tables) that a program's participants are: Convergence's accompanied
     * people, Premières Heures' active people; null for another program (not a figure of the tables; counted 0).
     */
    static String figureOfParticipants(String program) {
        return switch (program) {
            case "PREMIERES_HEURES" -> "premieresHeures.active";
            case "CONVERGENCE" -> "accompanied";
            default -> null;
        };
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
                long actual = participants.getOrDefault(c.program(), 0);
                targets.add(new Target(PARTICIPANTS, "≈ " + target, actual, actual >= target));
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
