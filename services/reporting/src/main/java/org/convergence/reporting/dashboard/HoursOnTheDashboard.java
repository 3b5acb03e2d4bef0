package org.convergence.reporting.dashboard;

import org.convergence.reporting.dataquality.WeeksWithoutHours;

import java.time.Year;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hours pieces of a territory's and a chantier's page: the chart of Premières Heures participants by contracted
 * weekly hours in the year shown, and the weeks-without-hours line of the data-quality table.
 */
final class HoursOnTheDashboard {

    static final String CONTRACTS = "hours.premieresHeuresContracts.";
    /** The bars of the chart, in the ladder's order, by figure key; their French labels come from the labels file. */
    static final List<String> CONTRACT_BARS = List.of("fourHours", "fiveToSixHours", "sevenToEightHours",
            "moreThanEightHours");
    static final String CHART_TITLE = "chart.premieresHeuresContracts";
    static final String WEEKS_WITHOUT_HOURS = "list.weeksWithoutHours";

    private HoursOnTheDashboard() {
    }

    /** @param figures the year's figures by key (empty when the place has none) */
    static BarChart contractsChart(Map<String, FigureValue> figures, Year year, FigureLabels labels) {
        Map<String, Long> bars = new LinkedHashMap<>();
        for (String bar : CONTRACT_BARS) {
            if (figures.get(CONTRACTS + bar) instanceof FigureValue.Secret) {
                continue; // an evaluator's secret figure has no bar (ADR 0037)
            }
            String label = labels.of(CONTRACTS + bar);
            bars.put(label.substring(label.indexOf(':') + 1).trim(),
                    figures.get(CONTRACTS + bar) instanceof FigureValue.Count c ? c.value() : 0L);
        }
        return BarChart.of(labels.of(CHART_TITLE) + " " + year, bars);
    }

    static DashboardViews.WorkCount weeksWithoutHours(WeeksWithoutHours.TerritoryList list,
                                                      List<Directory.Place> chantiers, FigureLabels labels) {
        Map<String, Integer> byChantier = new HashMap<>(list.countByChantier());
        return new DashboardViews.WorkCount(labels.of(WEEKS_WITHOUT_HOURS), list.count(),
                chantiers.stream().map(c -> byChantier.getOrDefault(c.id(), 0)).toList());
    }
}
