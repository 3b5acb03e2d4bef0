package org.convergence.transitions;

import com.mongodb.client.MongoDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.testsupport.RawHttp;
import org.convergence.testsupport.Tokens;
import org.convergence.testsupport.corpus.MalformedInputCorpus;
import org.convergence.testsupport.corpus.StoreSnapshot;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/** Every operation of the transitions API, sent malformed input generated from its OpenAPI document. */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
@WithTestResource(HoursStandIn.class)
class MalformedInputCorpusTest {

    @Inject
    MongoDatabase database;

    @TestFactory
    Stream<DynamicNode> everyMalformedRequestIsRefusedWithAProblemAndStoresNothing() {
        return MalformedInputCorpus.of(new RawHttp("localhost", RestAssured.port), "Bearer " + Tokens.national())
                .storeUnchanged(StoreSnapshot.of(database))
                .atLeast(300)
                .tests();
    }
}
