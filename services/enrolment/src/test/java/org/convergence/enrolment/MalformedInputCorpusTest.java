package org.convergence.enrolment;

import com.mongodb.client.MongoDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.enrolment.api.ParticipantResource;
import org.convergence.testsupport.RawHttp;
import org.convergence.testsupport.Tokens;
import org.convergence.testsupport.corpus.MalformedInputCorpus;
import org.convergence.testsupport.corpus.StoreSnapshot;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.Map;
import java.util.stream.Stream;

/** Every operation of the enrolment API, sent malformed input generated from its OpenAPI document. */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class MalformedInputCorpusTest {

    private static final String PARTNER_IDENTITY_DOOR = "/through-referral/";

    @Inject
    MongoDatabase database;

    @TestFactory
    Stream<DynamicNode> everyMalformedRequestIsRefusedWithAProblemAndStoresNothing() {
        return MalformedInputCorpus.of(new RawHttp("localhost", RestAssured.port), "Bearer " + Tokens.national())
                .paths(path -> !path.contains(PARTNER_IDENTITY_DOOR))
                .storeUnchanged(StoreSnapshot.of(database))
                .atLeast(1_000)
                .tests();
    }

    /** The identity door for partners (ADR 0027), with the only token it lets in: the accompaniment service's. */
    @TestFactory
    Stream<DynamicNode> everyMalformedRequestToThePartnerIdentityDoorIsRefusedWithAProblemAndStoresNothing() {
        String reader = Tokens.forRole("service-accompaniment", ParticipantResource.IDENTITY_READER, Map.of());
        return MalformedInputCorpus.of(new RawHttp("localhost", RestAssured.port), "Bearer " + reader)
                .paths(path -> path.contains(PARTNER_IDENTITY_DOOR))
                .storeUnchanged(StoreSnapshot.of(database))
                .atLeast(40)
                .tests();
    }
}
