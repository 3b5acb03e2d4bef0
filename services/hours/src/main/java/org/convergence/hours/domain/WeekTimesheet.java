package org.convergence.hours.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.convergence.hours.domain.HoursMessages.RecordWeekHoursCommand;
import org.convergence.hours.domain.HoursMessages.WeekHoursCorrectedEvent;
import org.convergence.hours.domain.HoursMessages.WeekHoursRecordedEvent;
import org.convergence.hours.domain.HoursMessages.WeekOutcome;
import org.convergence.platform.domain.RuleViolationException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The hours of one pathway in one ISO week: its own short stream (ADR 0016), so recording a week never loads the
 * pathway's other weeks. The same figures again are one fact; new figures are a correction, a new event.
 */
public class WeekTimesheet {

    /** No week holds more than 60 hours worked and absent (DOMAIN.md). */
    public static final int MAX_MINUTES = 60 * 60;

    @AggregateIdentifier
    private String streamId;
    private boolean recorded;
    private int minutesWorked;
    private AbsenceMinutes absences;
    private final Set<String> sources = new HashSet<>();

    protected WeekTimesheet() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    WeekOutcome handle(RecordWeekHoursCommand command, Clock clock) {
        if (command.sourceId() != null && sources.contains(command.sourceId())) {
            return WeekOutcome.UNCHANGED; // this very report, delivered again
        }
        PathwayTerms pathway = command.pathway();
        IsoWeek week = command.week();
        if (!pathway.chantierId().equals(command.reportingChantierId())) {
            throw new RuleViolationException("PATHWAY_OF_ANOTHER_CHANTIER", "Pathway " + pathway.pathwayId()
                    + " is not a pathway of chantier " + command.reportingChantierId());
        }
        if (command.minutesWorked() < 0 || command.absences().anyNegative()) {
            throw new RuleViolationException("NEGATIVE_HOURS", "Minutes worked and absent must not be negative");
        }
        long total = command.minutesWorked() + command.absences().total();
        if (total > MAX_MINUTES) {
            throw new RuleViolationException("HOURS_ABOVE_MAXIMUM", "A week holds at most 60 hours worked and "
                    + "absent; " + week + " reports " + total + " minutes");
        }
        if (week.sunday().isBefore(pathway.entryDate())) {
            throw new RuleViolationException("WEEK_BEFORE_ENTRY", "Week " + week + " ends before the pathway's "
                    + "entry on " + pathway.entryDate());
        }
        if (pathway.endDate() != null && week.monday().isAfter(pathway.endDate())) {
            throw new RuleViolationException("WEEK_AFTER_EXIT", "Week " + week + " begins after the pathway's end "
                    + "on " + pathway.endDate());
        }
        if (week.monday().isAfter(LocalDate.now(clock))) {
            throw new RuleViolationException("WEEK_IN_FUTURE", "Week " + week + " has not begun");
        }
        if (recorded && minutesWorked == command.minutesWorked() && absences.equals(command.absences())) {
            return WeekOutcome.UNCHANGED;
        }
        if (recorded) {
            apply(new WeekHoursCorrectedEvent(pathway.pathwayId(), pathway.participantId(), pathway.program(),
                    pathway.territoryId(), pathway.chantierId(), week.toString(), command.minutesWorked(),
                    command.absences(), command.sourceId()));
            return WeekOutcome.CORRECTED;
        }
        apply(new WeekHoursRecordedEvent(pathway.pathwayId(), pathway.participantId(), pathway.program(),
                pathway.territoryId(), pathway.chantierId(), week.toString(), command.minutesWorked(),
                command.absences(), command.sourceId()));
        return WeekOutcome.RECORDED;
    }

    @EventSourcingHandler
    void on(WeekHoursRecordedEvent event) {
        streamId = Streams.week(event.pathwayId(), IsoWeek.parse(event.week()).orElseThrow());
        figures(event.minutesWorked(), event.absences(), event.sourceId());
    }

    @EventSourcingHandler
    void on(WeekHoursCorrectedEvent event) {
        figures(event.minutesWorked(), event.absences(), event.sourceId());
    }

    private void figures(int minutes, AbsenceMinutes absent, String sourceId) {
        recorded = true;
        minutesWorked = minutes;
        absences = absent;
        if (sourceId != null) {
            sources.add(sourceId);
        }
    }
}
