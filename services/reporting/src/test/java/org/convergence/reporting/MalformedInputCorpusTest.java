package org.convergence.reporting;

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

/** Every operation of the reporting API, sent malformed parameters generated from its OpenAPI document. */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class MalformedInputCorpusTest {

    @Inject
    MongoDatabase database;

    @TestFactory
    Stream<DynamicNode> everyMalformedRequestIsRefusedWithAProblemAndMovesNoReadModel() {
        return MalformedInputCorpus.of(new RawHttp("localhost", RestAssured.port), "Bearer " + Tokens.national())
                .storeUnchanged(StoreSnapshot.of(database))
                .combinations(180, 20_261_130L)
                .atLeast(1_000)
                .tests();
    }
}
