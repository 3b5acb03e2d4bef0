package org.convergence.reporting.dashboard;

import org.convergence.contracts.enrolment.EnrolmentEvents;
import org.convergence.contracts.enrolment.ExitCorrectedV1;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.reporting.figures.TerritoryFigures;
import org.convergence.testsupport.EnrolmentFacts;
import org.convergence.testsupport.Ids;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * One territory with one Convergence chantier and three participants in a year: one who entered the year before
 * and left in May (category OTHER: not a dynamic exit), two who entered during the year. Figures of the year:
 * 3 accompanied, 1 exit, dynamic exits 0 / 1.
 */
final class Scenario implements AutoCloseable {

    final String territory = Ids.fresh("t");
    final String chantier = Ids.fresh("c");
    final String leaver = UUID.randomUUID().toString();
    final String leaversPathway = UUID.randomUUID().toString();
    final int year;
    private final EnrolmentFacts facts;

    Scenario(int year) {
        this.year = year;
        facts = new EnrolmentFacts(territory);
        facts.chantier(chantier, "CONVERGENCE", LocalDate.of(year - 2, 1, 1));
        facts.enrol(leaver, leaversPathway, "CONVERGENCE", chantier, LocalDate.of(year - 1, 4, 1));
        facts.exit(leaver, leaversPathway, "CONVERGENCE", chantier, LocalDate.of(year, 5, 31));
        facts.enrol(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "CONVERGENCE", chantier,
                LocalDate.of(year, 2, 1));
        facts.enrol(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "CONVERGENCE", chantier,
                LocalDate.of(year, 9, 1));
    }

    /** Waits until reporting has the scenario's figures. */
    Scenario awaitFigures(FiguresService figures) {
        await().atMost(Duration.ofSeconds(30)).until(() -> figures.territory(territory, Year.of(year))
                .filter(f -> f.accompanied() == 3 && f.exits() == 1).isPresent());
        return this;
    }

    /** The leaver's exit corrected to durable employment: dynamic exits become 1 / 1. */
    void correctLeaverToDurableEmployment(FiguresService figures) {
        facts.publish(EnrolmentEvents.EXIT_CORRECTED, new ExitCorrectedV1(leaversPathway, leaver, "CONVERGENCE",
                LocalDate.of(year, 5, 31), "DURABLE_EMPLOYMENT", null), LocalDate.of(year, 6, 1), leaver, chantier);
        await().atMost(Duration.ofSeconds(30)).until(() -> figures.territory(territory, Year.of(year))
                .map(TerritoryFigures::dynamicExits).filter(r -> r.numerator() == 1).isPresent());
    }

    @Override
    public void close() {
        facts.close();
    }
}
