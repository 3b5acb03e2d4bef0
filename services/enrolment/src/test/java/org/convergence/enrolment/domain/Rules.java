package org.convergence.enrolment.domain;

import org.convergence.platform.domain.RuleViolationException;
import org.convergence.platform.programs.Program;
import org.convergence.platform.programs.ProgramCatalog;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What aggregate tests share: the catalogue as configured by default, sites, and refusals by rule code. */
final class Rules {

    static final Program PREMIERES_HEURES = new Program("PREMIERES_HEURES",
            new Program.WeeklyHours(4, 20, 4, List.of(4, 6, 8), Optional.empty(), Optional.empty()),
            Optional.empty(), 0, Program.FollowUp.NONE);
    static final Program CONVERGENCE = new Program("CONVERGENCE",
            new Program.WeeklyHours(20, 35, 26, List.of(), Optional.of(4), Optional.of("PREMIERES_HEURES")),
            Optional.of(60), 3, new Program.FollowUp(12, List.of(1, 3, 6, 12), 0));
    static final ProgramCatalog CATALOG = new ProgramCatalog(List.of(PREMIERES_HEURES, CONVERGENCE));

    static final EnrolmentSite BOTH = new EnrolmentSite("paris", "emmaus-defi", Set.of("PREMIERES_HEURES",
            "CONVERGENCE"));

    private Rules() {
    }

    /** A refusal by the rule named {@code code}: the code is the API (ADR 0006), the message is for people. */
    static Matcher<RuleViolationException> violates(String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolationException e) {
                return code.equals(e.code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal by rule ").appendValue(code);
            }

            @Override
            protected void describeMismatchSafely(RuleViolationException e, Description mismatch) {
                mismatch.appendText("was refused by ").appendValue(e.code()).appendText(": ").appendText(e.getMessage());
            }
        };
    }
}
