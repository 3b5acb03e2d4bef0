package org.convergence.hours;

import org.convergence.contracts.enrolment.ChantierRegisteredV1;
import org.convergence.contracts.enrolment.EnrolmentEvents;
import org.convergence.platform.views.EnrolmentView;
import org.convergence.testsupport.EnrolmentFacts;
import org.convergence.testsupport.Ids;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Enrolment's facts of a fresh territory and chantier, published as the enrolment service would, and waited for in
 * the hours service's enrolment view: what every hours test starts from.
 */
public final class Enrolled implements AutoCloseable {

    public final String territory = Ids.fresh("t");
    public final String chantier = Ids.fresh("c");
    private final EnrolmentFacts facts = new EnrolmentFacts(territory);
    private final EnrolmentView view;

    public Enrolled(EnrolmentView view, LocalDate since, String... programs) {
        this.view = view;
        facts.publish(EnrolmentEvents.CHANTIER_REGISTERED, new ChantierRegisteredV1(chantier, territory, chantier,
                Arrays.stream(programs).map(p -> new ChantierRegisteredV1.ProgramCarried(p, since)).toList()),
                since, territory, chantier);
        await().atMost(Duration.ofSeconds(30)).until(() -> view.chantier(chantier).isPresent());
    }

    /** A pathway of this chantier, enrolled (and ended, if {@code exit} is given), once the view knows it. */
    public String pathway(String program, LocalDate entry, LocalDate exit) {
        String participant = UUID.randomUUID().toString();
        String pathway = UUID.randomUUID().toString();
        facts.enrol(participant, pathway, program, chantier, entry);
        if (exit != null) {
            facts.exit(participant, pathway, program, chantier, exit);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> view.pathway(pathway)
                .filter(p -> exit == null || p.endDate() != null).isPresent());
        return pathway;
    }

    public String pathway(String program, LocalDate entry) {
        return pathway(program, entry, null);
    }

    public List<String> pathways(int count, String program, LocalDate entry) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> pathway(program, entry)).toList();
    }

    @Override
    public void close() {
        facts.close();
    }
}
