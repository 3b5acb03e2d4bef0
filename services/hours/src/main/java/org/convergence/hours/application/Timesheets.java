package org.convergence.hours.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.convergence.hours.domain.HoursMessages.RecordWeekHoursCommand;
import org.convergence.hours.domain.HoursMessages.WeekOutcome;
import org.convergence.hours.domain.IsoWeek;
import org.convergence.hours.domain.PathwayTerms;
import org.convergence.platform.axon.Commands;
import org.convergence.platform.domain.RuleViolationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recording the weeks a chantier reports, whichever door they came through (its software's Kafka records, a REST
 * batch): one validation for both. The pathways of the whole batch are read at once from enrolment's facts, then
 * every week is one command, all sent together so that their events are appended in one store call per batch of
 * distinct weeks (ADR 0008, ADR 0016). A refused week never stops the others.
 */
@ApplicationScoped
public class Timesheets {

    private final Commands commands;
    private final KnownPathways pathways;

    public Timesheets(Commands commands, KnownPathways pathways) {
        this.commands = commands;
        this.pathways = pathways;
    }

    /** The terms of the reported pathways this service knows, by id: one read for a whole batch. */
    public Map<String, PathwayTerms> knownPathways(List<WeekReport> reports) {
        return pathways.terms(reports.stream().map(WeekReport::pathwayId).toList());
    }

    /** The pathways among those reported that are not in {@code known} (this service does not know them yet). */
    public static List<String> unknownPathways(List<WeekReport> reports, Map<String, PathwayTerms> known) {
        return reports.stream().map(WeekReport::pathwayId).filter(id -> !known.containsKey(id)).distinct().toList();
    }

    /** Records the weeks {@code chantierId} reports, in order; one result per report. */
    public List<WeekResult> record(String chantierId, List<WeekReport> reports, MetaData metaData) {
        return record(chantierId, reports, knownPathways(reports), metaData);
    }

    /**
     * Records the weeks {@code chantierId} reports, in order, against the pathways' terms already read for them
     * ({@link #knownPathways}; a door reads them once per poll); one result per report.
     */
    public List<WeekResult> record(String chantierId, List<WeekReport> reports, Map<String, PathwayTerms> known,
                                   MetaData metaData) {
        WeekResult[] results = new WeekResult[reports.size()];
        List<Integer> sent = new ArrayList<>();
        List<Object> toSend = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            WeekReport report = reports.get(i);
            PathwayTerms pathway = known.get(report.pathwayId());
            Optional<IsoWeek> week = IsoWeek.parse(report.week());
            if (pathway == null) {
                results[i] = WeekResult.refused(KnownPathways.unknown(report.pathwayId()));
            } else if (week.isEmpty()) {
                results[i] = WeekResult.refused(new RuleViolationException("NO_SUCH_WEEK", "Week " + report.week()
                        + " does not exist: " + report.week().substring(0, Math.min(4, report.week().length()))
                        + " has no such ISO week"));
            } else {
                sent.add(i);
                toSend.add(new RecordWeekHoursCommand(pathway, week.get(), chantierId, report.minutesWorked(),
                        report.absences(), report.sourceId()));
            }
        }
        List<Commands.Outcome> outcomes = commands.sendAll(toSend, metaData);
        for (int k = 0; k < sent.size(); k++) {
            int index = k;
            Commands.Outcome outcome = outcomes.get(k);
            if (!outcome.succeeded() && outcome.failure() instanceof ConcurrencyException) {
                outcome = Retries.onConflict(() -> commands.send(toSend.get(index), metaData));
            }
            results[sent.get(k)] = outcome.succeeded() ? WeekResult.of((WeekOutcome) outcome.result())
                    : WeekResult.refused(outcome.failure());
        }
        return List.of(results);
    }
}
