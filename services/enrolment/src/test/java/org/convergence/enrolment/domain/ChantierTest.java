package org.convergence.enrolment.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.convergence.enrolment.domain.ChantierMessages.ChantierRegisteredEvent;
import org.convergence.enrolment.domain.ChantierMessages.ProgramStartedEvent;
import org.convergence.enrolment.domain.ChantierMessages.RegisterChantierCommand;
import org.convergence.enrolment.domain.ChantierMessages.StartProgramCommand;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

class ChantierTest {

    private final AggregateTestFixture<Chantier> fixture = new AggregateTestFixture<>(Chantier.class);

    @Test
    void aChantierIsRegisteredWithTheProgramsItCarriesAndFromWhen() {
        List<ProgramStart> programs = List.of(new ProgramStart("CONVERGENCE", LocalDate.of(2020, 6, 1)));
        fixture.givenNoPriorActivity()
                .when(new RegisterChantierCommand("armee-du-salut", "lyon", "Armée du Salut", programs))
                .expectEvents(new ChantierRegisteredEvent("armee-du-salut", "lyon", "Armée du Salut", programs));
    }

    @Test
    void aChantierWithoutProgramIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterChantierCommand("c", "lyon", "C", List.of()))
                .expectException(Rules.violates("CHANTIER_WITHOUT_PROGRAM"))
                .expectNoEvents();
    }

    @Test
    void aProgramListedTwiceIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterChantierCommand("c", "lyon", "C", List.of(
                        new ProgramStart("CONVERGENCE", LocalDate.of(2020, 1, 1)),
                        new ProgramStart("CONVERGENCE", LocalDate.of(2021, 1, 1)))))
                .expectException(Rules.violates("PROGRAM_LISTED_TWICE"))
                .expectNoEvents();
    }

    @Test
    void aChantierJoiningConvergenceLaterCarriesItFromThatDate() {
        List<ProgramStart> programs = List.of(new ProgramStart("PREMIERES_HEURES", LocalDate.of(2019, 1, 1)));
        fixture.given(new ChantierRegisteredEvent("armee-du-salut", "lyon", "Armée du Salut", programs))
                .when(new StartProgramCommand("armee-du-salut", "CONVERGENCE", LocalDate.of(2020, 6, 1)))
                .expectEvents(new ProgramStartedEvent("armee-du-salut", "lyon", "CONVERGENCE", LocalDate.of(2020, 6, 1)));
    }

    @Test
    void aProgramAlreadyCarriedFromAnotherDateIsRefused() {
        List<ProgramStart> programs = List.of(new ProgramStart("CONVERGENCE", LocalDate.of(2020, 1, 1)));
        fixture.given(new ChantierRegisteredEvent("fndsa", "lyon", "FNDSA", programs))
                .when(new StartProgramCommand("fndsa", "CONVERGENCE", LocalDate.of(2020, 6, 1)))
                .expectException(Rules.violates("PROGRAM_ALREADY_CARRIED"))
                .expectNoEvents();
    }
}
