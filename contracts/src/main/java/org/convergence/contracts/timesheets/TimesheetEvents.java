package org.convergence.contracts.timesheets;

import org.convergence.contracts.EventCatalog;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.Topics;

import static org.convergence.contracts.IntegrationEventType.Scope.CHANTIER;

/**
 * What chantier software writes on {@link Topics#timesheetsOf its chantier's own topic} (inbound: the hours service reads it): one weekly
 * timesheet per pathway and ISO week, keyed by pathway id, its envelope naming the chantier that reports it.
 */
@EventCatalog(topic = Topics.CHANTIER_TIMESHEETS_ADDRESS)
public final class TimesheetEvents {

    public static final IntegrationEventType<WeekTimesheetReportedV1> WEEK_TIMESHEET_REPORTED =
            new IntegrationEventType<>("timesheet.week-reported", 1, WeekTimesheetReportedV1.class,
                    "pathwayId", CHANTIER);

    private TimesheetEvents() {
    }
}
