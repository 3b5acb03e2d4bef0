package org.convergence.hours.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.convergence.platform.rest.Problem;

import java.util.List;

/**
 * What a timesheet batch did, line by line in the order sent (numbered from 0): {@code RECORDED}, {@code CORRECTED}
 * (new figures for a week already recorded), {@code UNCHANGED} (the same figures again), or {@code REFUSED} with a
 * problem naming the rule, as a 422 answer would.
 */
public record TimesheetReport(int recorded, int corrected, int unchanged, int refused, List<LineResult> lines) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LineResult(int line, String pathwayId, String week, String outcome, Problem problem) {
    }
}
