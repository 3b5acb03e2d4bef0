package org.convergence.reporting.dataquality;

import jakarta.enterprise.context.ApplicationScoped;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.reporting.figures.HoursRecords;
import org.convergence.reporting.figures.PathwayRecord;
import org.convergence.reporting.projection.ReportingModel;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a territory's weeks without hours: its pathways (roster), then the hours of those active in the weeks due
 * (hours roster and year documents), by {@code _id}.
 */
@ApplicationScoped
public class WeeksWithoutHoursList {

    private final FiguresService figures;
    private final HoursRecords hours;
    private final int weeksChecked;
    private final Set<String> programs;

    public WeeksWithoutHoursList(FiguresService figures, ReportingModel model,
                                 @ConfigProperty(name = "reporting.hours.weeks-checked") int weeksChecked,
                                 @ConfigProperty(name = "reporting.hours.programs") Set<String> programs) {
        this.figures = figures;
        this.hours = new HoursRecords(model);
        this.weeksChecked = weeksChecked;
        this.programs = Set.copyOf(programs);
    }

    /** The list of a territory on a day; empty if reporting has not heard of the territory. */
    public Optional<WeeksWithoutHours.TerritoryList> of(String territoryId, LocalDate asOf) {
        return figures.pathwaysOfTerritory(territoryId).map(pathways -> of(territoryId, pathways, asOf));
    }

    /** The list over some of a territory's pathways (a chantier's, say), already read. */
    public WeeksWithoutHours.TerritoryList of(String territoryId, List<PathwayRecord> pathways, LocalDate asOf) {
        List<PathwayRecord> checked = WeeksWithoutHours.checked(pathways, asOf, weeksChecked, programs);
        return WeeksWithoutHours.of(territoryId, checked,
                hours.at(checked.stream().map(PathwayRecord::chantierId).collect(Collectors.toSet()),
                        checked.stream().map(PathwayRecord::pathwayId).toList(),
                        WeeksWithoutHours.weekBasedYearsDue(asOf, weeksChecked)), asOf, weeksChecked, programs);
    }
}
