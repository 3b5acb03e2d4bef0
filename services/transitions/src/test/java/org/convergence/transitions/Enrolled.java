package org.convergence.transitions;

import org.convergence.contracts.enrolment.ChantierRegisteredV1;
import org.convergence.contracts.enrolment.EnrolmentEvents;
import org.convergence.platform.views.EnrolmentView;
import org.convergence.testsupport.EnrolmentFacts;
import org.convergence.testsupport.Ids;
import org.convergence.testsupport.Tokens;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.convergence.testsupport.Rest.as;

/**
 * A fresh territory and chantier carrying Convergence, known to this service's enrolment view, with an employer and
 * a store in that territory registered by the national team: what every transitions API test starts from.
 */
public final class Enrolled implements AutoCloseable {

    public static final LocalDate ENTRY = LocalDate.of(2019, 10, 14);

    public final String territory = Ids.fresh("t");
    public final String chantier = Ids.fresh("c");
    public final String employer = Ids.fresh("franprix");
    public final String store = Ids.fresh("store");
    private final EnrolmentFacts facts = new EnrolmentFacts(territory);
    private final EnrolmentView view;

    public Enrolled(EnrolmentView view) {
        this.view = view;
        facts.publish(EnrolmentEvents.CHANTIER_REGISTERED, new ChantierRegisteredV1(chantier, territory, chantier,
                        List.of(new ChantierRegisteredV1.ProgramCarried("CONVERGENCE", LocalDate.of(2019, 1, 7)),
                                new ChantierRegisteredV1.ProgramCarried("PREMIERES_HEURES",
                                        LocalDate.of(2019, 1, 7)))),
                LocalDate.of(2019, 1, 7), territory, chantier);
        await().atMost(Duration.ofSeconds(30)).until(() -> view.chantier(chantier).isPresent());
        String national = Tokens.national();
        as(national).body("""
                {"employerId":"%s","name":"Franprix"}""".formatted(employer)).post("/employers")
                .then().statusCode(201);
        as(national).body("""
                {"storeId":"%s","name":"Franprix Paris 11","territoryId":"%s"}""".formatted(store, territory))
                .post("/employers/" + employer + "/stores").then().statusCode(201);
    }

    public String pathway(String program) {
        String pathway = UUID.randomUUID().toString();
        facts.enrol(UUID.randomUUID().toString(), pathway, program, chantier, ENTRY);
        await().atMost(Duration.ofSeconds(30)).until(() -> view.pathway(pathway).isPresent());
        return pathway;
    }

    public String staff() {
        return Tokens.staff(territory, chantier);
    }

    @Override
    public void close() {
        facts.close();
    }
}
