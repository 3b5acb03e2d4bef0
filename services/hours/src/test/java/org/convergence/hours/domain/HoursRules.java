package org.convergence.hours.domain;

import org.convergence.platform.domain.RuleViolationException;
import org.convergence.platform.programs.Program;
import org.convergence.platform.programs.ProgramCatalog;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.hamcrest.Matchers.equalTo;

/** The programs as configured by default, a fixed today, pathways to decide on, and refusals by rule code. */
final class HoursRules {

    static final LocalDate TODAY = LocalDate.of(2021, 3, 17); // a Wednesday of 2021-W11
    static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    static final ProgramCatalog CATALOG = new ProgramCatalog(List.of(
            new Program(ProgramCatalog.PREMIERES_HEURES, new Program.WeeklyHours(4, 20, 4, List.of(4, 6, 8),
                    Optional.empty(), Optional.empty()), Optional.empty(), 0, Program.FollowUp.NONE),
            new Program(ProgramCatalog.CONVERGENCE, new Program.WeeklyHours(20, 35, 26, List.of(), Optional.of(4),
                    Optional.of(ProgramCatalog.PREMIERES_HEURES)), Optional.of(60), 3,
                    new Program.FollowUp(12, List.of(1, 3, 6, 12), 0))));

    static final LocalDate ENTRY = LocalDate.of(2020, 1, 6); // Monday of 2020-W02

    static PathwayTerms premieresHeures() {
        return new PathwayTerms("ph-1", "p-1", ProgramCatalog.PREMIERES_HEURES, "paris", "emmaus-defi",
                Set.of(ProgramCatalog.PREMIERES_HEURES), ENTRY, null);
    }

    static PathwayTerms convergenceAt(Set<String> chantierPrograms) {
        return new PathwayTerms("cv-1", "p-2", ProgramCatalog.CONVERGENCE, "paris", "emmaus-defi", chantierPrograms,
                ENTRY, null);
    }

    static PathwayTerms ended(PathwayTerms pathway, LocalDate end) {
        return new PathwayTerms(pathway.pathwayId(), pathway.participantId(), pathway.program(),
                pathway.territoryId(), pathway.chantierId(), pathway.chantierPrograms(), pathway.entryDate(), end);
    }

    private HoursRules() {
    }

    /** A refusal by the rule named {@code code}: the code is the API (ADR 0006), the message is for people. */
    static Matcher<RuleViolationException> refusedBy(String code) {
        return new FeatureMatcher<>(equalTo(code), "a refusal by rule", "rule") {
            @Override
            protected String featureValueOf(RuleViolationException actual) {
                return actual.code();
            }
        };
    }
}
