package org.convergence.accompaniment.api;

import org.convergence.platform.views.EnrolmentView;
import org.convergence.testsupport.EnrolmentFacts;
import org.convergence.testsupport.Ids;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** A Convergence pathway enrolled on enrolment's topic at a fresh chantier, once the service's view knows it. */
record EnrolledPathway(String territory, String chantier, String participantId, String pathwayId) {

    static EnrolledPathway enrolledOn(LocalDate entry, EnrolmentView view) {
        EnrolledPathway pathway = new EnrolledPathway(Ids.fresh("t"), Ids.fresh("c"), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        try (EnrolmentFacts facts = new EnrolmentFacts(pathway.territory)) {
            facts.chantier(pathway.chantier, "CONVERGENCE", LocalDate.of(2019, 1, 1));
            facts.enrol(pathway.participantId, pathway.pathwayId, "CONVERGENCE", pathway.chantier, entry);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> view.pathway(pathway.pathwayId).isPresent());
        return pathway;
    }
}
