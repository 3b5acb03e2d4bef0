package org.convergence.hours;

import com.mongodb.client.MongoDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.testsupport.RawHttp;
import org.convergence.hours.api.StoreScheduleResource;
import org.convergence.testsupport.Tokens;
import org.convergence.testsupport.corpus.MalformedInputCorpus;
import org.convergence.testsupport.corpus.StoreSnapshot;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.Map;
import java.util.stream.Stream;

/** Every operation of the hours API, sent malformed input generated from its OpenAPI document. */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class MalformedInputCorpusTest {

    private static final String SERVICE_PATHS = "/service/";

    @Inject
    MongoDatabase database;

    @TestFactory
    Stream<DynamicNode> everyMalformedRequestIsRefusedWithAProblemAndStoresNothing() {
        return MalformedInputCorpus.of(new RawHttp("localhost", RestAssured.port), "Bearer " + Tokens.national())
                .paths(path -> !path.startsWith(SERVICE_PATHS))
                .sample("week", "2020-W05")
                .storeUnchanged(StoreSnapshot.of(database))
                .atLeast(250) // three operations: a decision, a contract, a batch of weeks
                .tests();
    }

    /** The service-to-service door of the weekly schedule (ADR 0020), with the only token it lets in. */
    @TestFactory
    Stream<DynamicNode> everyMalformedRequestToTheStoreScheduleDoorIsRefusedWithAProblemAndStoresNothing() {
        String scheduler = Tokens.forRole("service-transitions", StoreScheduleResource.STORE_SCHEDULER, Map.of());
        return MalformedInputCorpus.of(new RawHttp("localhost", RestAssured.port), "Bearer " + scheduler)
                .paths(path -> path.startsWith(SERVICE_PATHS))
                .storeUnchanged(StoreSnapshot.of(database))
                .atLeast(40)
                .tests();
    }
}
