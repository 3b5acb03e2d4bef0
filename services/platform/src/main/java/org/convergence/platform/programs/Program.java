package org.convergence.platform.programs;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One insertion program as data (DOMAIN.md: "a program is data, not a Java enum"): its code, its weekly-hour
 * bounds, its longest duration and the follow-up after an exit. Every service reads the same catalogue
 * ({@link ProgramCatalog}), so a rule such as "a Convergence pathway lasts at most 60 months" has one source.
 *
 * @param code              stable code used on the wire, e.g. {@code CONVERGENCE}
 * @param weeklyHours       contracted weekly hours: bounds, default and the usual ladder
 * @param maxDurationMonths longest pathway, if the program has one
 * @param limitWarningMonths how long before that limit a pathway is listed as nearing it
 * @param followUp          follow-up after an exit; {@link FollowUp#NONE} when the program has none
 */
public record Program(String code, WeeklyHours weeklyHours, Optional<Integer> maxDurationMonths,
                      int limitWarningMonths, FollowUp followUp) {

    public Program {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(weeklyHours, "weeklyHours");
        Objects.requireNonNull(maxDurationMonths, "maxDurationMonths");
        Objects.requireNonNull(followUp, "followUp");
        if (!code.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw new IllegalArgumentException("Program code " + code + " must be UPPER_SNAKE_CASE");
        }
        maxDurationMonths.ifPresent(months -> {
            if (months < 1) {
                throw new IllegalArgumentException(code + ": max-duration-months must be at least 1");
            }
        });
        if (limitWarningMonths < 0) {
            throw new IllegalArgumentException(code + ": limit-warning-months must not be negative");
        }
    }

    /** The last day a pathway that began on {@code entryDate} may run, if the program limits its duration. */
    public Optional<LocalDate> durationLimit(LocalDate entryDate) {
        return maxDurationMonths.map(entryDate::plusMonths);
    }

    /** From this day on, an open pathway is listed as nearing its duration limit. */
    public Optional<LocalDate> limitWarningFrom(LocalDate entryDate) {
        return durationLimit(entryDate).map(limit -> limit.minusMonths(limitWarningMonths));
    }

    /**
     * Contracted weekly hours of a pathway.
     *
     * @param min                  lowest contract
     * @param max                  highest contract
     * @param defaultHours         contract when none is stated
     * @param ladder               the usual steps, ascending, all within the bounds (Premières Heures: 4, 6, 8)
     * @param reducedMin           a lower minimum at chantiers carrying {@code reducedMinIfChantierCarries}
     *                             (the 2020 inclusion decree: a Convergence CDDI from 4 h where Premières Heures runs)
     * @param reducedMinIfChantierCarries the program whose presence at the chantier allows {@code reducedMin}
     */
    public record WeeklyHours(int min, int max, int defaultHours, List<Integer> ladder, Optional<Integer> reducedMin,
                              Optional<String> reducedMinIfChantierCarries) {

        public WeeklyHours {
            ladder = List.copyOf(ladder);
            if (min < 0 || min > max) {
                throw new IllegalArgumentException("weekly hours: min " + min + " must be between 0 and max " + max);
            }
            if (defaultHours < min || defaultHours > max) {
                throw new IllegalArgumentException("weekly hours: default " + defaultHours + " outside [" + min
                        + ", " + max + "]");
            }
            for (int i = 0; i < ladder.size(); i++) {
                int step = ladder.get(i);
                if (step < reducedMin.orElse(min) || step > max || (i > 0 && step <= ladder.get(i - 1))) {
                    throw new IllegalArgumentException("weekly hours: ladder " + ladder
                            + " must ascend within the bounds");
                }
            }
            if (reducedMin.isPresent() != reducedMinIfChantierCarries.isPresent()) {
                throw new IllegalArgumentException("weekly hours: reduced-min and reduced-min-if-chantier-carries "
                        + "go together");
            }
            reducedMin.ifPresent(reduced -> {
                if (reduced < 0 || reduced > min) {
                    throw new IllegalArgumentException("weekly hours: reduced-min " + reduced + " must be below min");
                }
            });
        }

        /** The lowest contract at a chantier that carries these programs. */
        public int minAt(java.util.Collection<String> programsOfChantier) {
            return reducedMinIfChantierCarries.filter(programsOfChantier::contains).flatMap(p -> reducedMin)
                    .orElse(min);
        }

        /** The next usual step above {@code hours}, if the ladder has one. */
        public Optional<Integer> nextStepAbove(int hours) {
            return ladder.stream().filter(step -> step > hours).findFirst();
        }
    }

    /**
     * The follow-up after an exit: it lasts {@code months} and closes by itself on the day that many months after
     * the exit; check-ins are due at each of {@code milestones} months after the exit. {@code graceMonths} keeps
     * the follow-up open that much longer for late check-ins (project setting, 0 by default): the aggregate, the
     * work lists and the participant search all use {@link #closesOn}.
     */
    public record FollowUp(int months, List<Integer> milestones, int graceMonths) {

        public static final FollowUp NONE = new FollowUp(0, List.of(), 0);

        public FollowUp {
            milestones = List.copyOf(milestones);
            if (months < 0 || graceMonths < 0) {
                throw new IllegalArgumentException("follow-up months and grace must not be negative");
            }
            for (int i = 0; i < milestones.size(); i++) {
                int milestone = milestones.get(i);
                if (milestone < 1 || milestone > months || (i > 0 && milestone <= milestones.get(i - 1))) {
                    throw new IllegalArgumentException("follow-up milestones " + milestones
                            + " must ascend within 1.." + months);
                }
            }
        }

        public boolean exists() {
            return months > 0;
        }

        /** The last day of the follow-up of an exit on {@code exitDate}: a check-in dated after it is refused. */
        public LocalDate closesOn(LocalDate exitDate) {
            return exitDate.plusMonths(months + (long) graceMonths);
        }

        /** Whether the follow-up of an exit on {@code exitDate} is open on {@code day}. */
        public boolean isOpenOn(LocalDate exitDate, LocalDate day) {
            return exists() && !day.isBefore(exitDate) && !day.isAfter(closesOn(exitDate));
        }

        /** The day the check-in at {@code milestoneMonths} is due. */
        public LocalDate dueOn(LocalDate exitDate, int milestoneMonths) {
            return exitDate.plusMonths(milestoneMonths);
        }
    }
}
