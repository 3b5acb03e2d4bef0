package org.convergence.reporting.conventions;

import org.convergence.reporting.territories.TerritoriesByProgram;
import org.convergence.reporting.territories.TerritoryDeployment;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConventionProgressTest {

    private static final Convention PREMIERES_HEURES = new Convention("dgcs", "DGCS", "PREMIERES_HEURES", 2022,
            Optional.of(25), Optional.of(30), Optional.of(800), Optional.empty(), Optional.empty());
    private static final Convention CONVERGENCE = new Convention("dgefp", "DGEFP", "CONVERGENCE", 2022,
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(7), Optional.of(LocalDate.of(2021, 1, 1)));

    @Test
    void premieresHeuresCountsOperationalTerritoriesOnlyAndTheYearsParticipantsAgainstTheTargets() {
        List<TerritoryDeployment> territories = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            territories.add(territory("op" + i, "PREMIERES_HEURES", "OPERATIONAL", LocalDate.of(2020, 1, 1)));
        }
        territories.add(territory("engaged", "PREMIERES_HEURES", "ENGAGED", LocalDate.of(2022, 3, 1)));
        List<ConventionProgress.Target> targets = ConventionProgress.of(List.of(PREMIERES_HEURES), 2022,
                deployment(territories), Map.of("PREMIERES_HEURES", 799)).get(0).targets();

        assertEquals(new ConventionProgress.Target("territoriesOperational", "25–30", 25L, true), targets.get(0));
        assertEquals(new ConventionProgress.Target("participants", "≈ 800", 799L, false), targets.get(1));
    }

    @Test
    void onlyTerritoriesThatJoinedConvergenceOnOrAfterTheConventionsStartAreNew() {
        List<TerritoryDeployment> territories = new ArrayList<>();
        territories.add(territory("paris", "CONVERGENCE", "OPERATIONAL", LocalDate.of(2017, 1, 1)));
        territories.add(territory("lyon", "CONVERGENCE", "OPERATIONAL", LocalDate.of(2020, 12, 31)));
        for (int i = 0; i < 6; i++) {
            territories.add(territory("new" + i, "CONVERGENCE", i % 2 == 0 ? "ENGAGED" : "OPERATIONAL",
                    LocalDate.of(2021, 1, 1).plusMonths(i)));
        }
        ConventionProgress.Target newTerritories = ConventionProgress.of(List.of(CONVERGENCE), 2022,
                deployment(territories), Map.of()).get(0).targets().get(0);
        assertEquals(6L, newTerritories.actual());
        assertFalse(newTerritories.reached());

        territories.add(territory("lille", "CONVERGENCE", "ENGAGED", LocalDate.of(2022, 6, 1)));
        assertTrue(ConventionProgress.of(List.of(CONVERGENCE), 2022, deployment(territories), Map.of()).get(0)
                .targets().get(0).reached());
    }

    @Test
    void aTerritoryOperationalWithoutAnEngagementDateJoinedWhenItBecameOperational() {
        TerritoryDeployment straight = new TerritoryDeployment("nantes", "Nantes", "URBAN", null, null,
                Map.of("CONVERGENCE", new TerritoryDeployment.ProgramDeployment("OPERATIONAL", null,
                        LocalDate.of(2021, 9, 1))));
        assertEquals(1L, ConventionProgress.of(List.of(CONVERGENCE), 2022, deployment(List.of(straight)), Map.of())
                .get(0).targets().get(0).actual());
    }

    private static TerritoryDeployment territory(String id, String program, String status, LocalDate joined) {
        return new TerritoryDeployment(id, id, "URBAN", null, null, Map.of(program,
                new TerritoryDeployment.ProgramDeployment(status, joined,
                        "OPERATIONAL".equals(status) ? joined.plusMonths(1) : null)));
    }

    private static TerritoriesByProgram deployment(List<TerritoryDeployment> territories) {
        return new TerritoriesByProgram(LocalDate.of(2022, 12, 31), Map.of(), territories);
    }
}
