package org.convergence.reporting.conventions;

import org.convergence.platform.programs.ProgramCatalog;
import org.convergence.platform.time.BusinessDates;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.reporting.figures.NationalFigures;
import org.convergence.reporting.territories.Deployments;

import java.time.LocalDate;
import java.time.Year;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The configured conventions and their progress in a year, from the live figures. */
public final class Conventions {

    private final List<Convention> conventions;
    private final FiguresService figures;
    private final Deployments deployments;

    public Conventions(ConventionsConfig config, FiguresService figures, Deployments deployments) {
        this.conventions = config.targets().entrySet().stream()
                .map(e -> new Convention(e.getKey(), e.getValue().funder(), e.getValue().program(),
                        e.getValue().byYear(), e.getValue().territoriesMin(), e.getValue().territoriesMax(),
                        e.getValue().participants(), e.getValue().newTerritories(), e.getValue().newSince()))
                .sorted(Comparator.comparing(Convention::id)).toList();
        this.figures = figures;
        this.deployments = deployments;
    }

    public List<Convention> all() {
        return conventions;
    }

    /** Progress at the end of the year, or today for the current year; national figures computed here. */
    public List<ConventionProgress.Progress> progress(Year year) {
        return progress(year, figures.national(year));
    }

    /** Progress at the end of the year given the nation's figures of that year (already computed by a page). */
    public List<ConventionProgress.Progress> progress(Year year, NationalFigures nation) {
        LocalDate lastDay = year.atMonth(12).atEndOfMonth();
        LocalDate today = BusinessDates.today();
        Map<String, Integer> participants = Map.of(
                ProgramCatalog.PREMIERES_HEURES, nation.premieresHeures().active(),
                ProgramCatalog.CONVERGENCE, nation.accompanied());
        return ConventionProgress.of(conventions, year.getValue(),
                deployments.asOf(lastDay.isBefore(today) ? lastDay : today), participants);
    }
}
