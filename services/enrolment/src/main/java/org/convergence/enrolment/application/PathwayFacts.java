package org.convergence.enrolment.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.convergence.enrolment.domain.ExitCategory;
import org.convergence.enrolment.domain.HousingSituation;
import org.convergence.enrolment.domain.PathwayMessages.CorrectEntryDateCommand;
import org.convergence.enrolment.domain.PathwayMessages.CorrectExitCommand;
import org.convergence.enrolment.domain.PathwayMessages.RecordCheckInCommand;
import org.convergence.enrolment.domain.PathwayMessages.RecordExitCommand;
import org.convergence.enrolment.query.PathwayView;
import org.convergence.platform.axon.Commands;

import java.time.LocalDate;

/**
 * What happens to a pathway once it runs: its exit, corrections of its dates, follow-up check-ins. Each checks the
 * actor's reach, then sends one command; the pathway aggregate checks the rules.
 */
@ApplicationScoped
public class PathwayFacts {

    private final Commands commands;
    private final Enrolments enrolments;

    public PathwayFacts(Commands commands, Enrolments enrolments) {
        this.commands = commands;
        this.enrolments = enrolments;
    }

    public PathwayView recordExit(String pathwayId, Exit exit, Access access) {
        PathwayView pathway = enrolments.visiblePathway(pathwayId, access);
        commands.send(new RecordExitCommand(pathwayId, exit.date(), exit.category(), exit.housingAtExit()));
        return pathway.exited(exit.date(), exit.category(), exit.housingAtExit());
    }

    public PathwayView correctEntryDate(String pathwayId, LocalDate entryDate, Access access) {
        PathwayView pathway = enrolments.visiblePathway(pathwayId, access);
        commands.send(new CorrectEntryDateCommand(pathwayId, entryDate));
        return pathway.entryCorrected(entryDate);
    }

    public PathwayView correctExit(String pathwayId, Exit exit, Access access) {
        PathwayView pathway = enrolments.visiblePathway(pathwayId, access);
        commands.send(new CorrectExitCommand(pathwayId, exit.date(), exit.category(), exit.housingAtExit()));
        return pathway.exited(exit.date(), exit.category(), exit.housingAtExit());
    }

    public void recordCheckIn(String pathwayId, int milestoneMonths, LocalDate checkInDate,
                              ExitCategory employmentStatus, HousingSituation housingSituation, Access access) {
        enrolments.visiblePathway(pathwayId, access);
        commands.send(new RecordCheckInCommand(pathwayId, milestoneMonths, checkInDate, employmentStatus,
                housingSituation));
    }
}
