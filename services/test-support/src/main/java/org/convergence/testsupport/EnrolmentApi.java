package org.convergence.testsupport;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The structure a test needs, registered through the enrolment service's REST API as the national team would:
 * territories and chantiers under fresh ids (tests share one database), and enrolments. For enrolment's own
 * tests; other services' tests publish the same facts with {@link EnrolmentFacts}.
 */
public final class EnrolmentApi {

    private EnrolmentApi() {
    }

    /** Registers an urban territory under a fresh id; returns the id. */
    public static String territory(String name) {
        String territory = Ids.fresh("t");
        Rest.asNational().body("""
                {"territoryId":"%s","name":"%s","densityKind":"URBAN"}""".formatted(territory, name))
                .post("/territories").then().statusCode(201);
        return territory;
    }

    /** Registers a chantier of {@code territory} carrying each program since {@code since}; returns its id. */
    public static String chantier(String territory, String since, String... programs) {
        String chantier = Ids.fresh("c");
        String carried = Arrays.stream(programs)
                .map(program -> "{\"program\":\"%s\",\"since\":\"%s\"}".formatted(program, since))
                .collect(Collectors.joining(","));
        Rest.asNational().body("""
                {"chantierId":"%s","name":"Chantier %s","programs":[%s]}""".formatted(chantier, chantier, carried))
                .post("/territories/" + territory + "/chantiers").then().statusCode(201);
        return chantier;
    }

    /** Enrols a new participant; returns their participant id. */
    public static String enrolled(String pathwayId, String program, String chantier, String entryDate) {
        return Rest.asNational().body("""
                {"pathwayId":"%s","program":"%s","chantierId":"%s","entryDate":"%s"}"""
                .formatted(pathwayId, program, chantier, entryDate)).post("/pathways").then().statusCode(201)
                .extract().path("participantId");
    }
}
