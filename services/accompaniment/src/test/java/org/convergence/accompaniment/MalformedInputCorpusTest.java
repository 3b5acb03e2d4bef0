package org.convergence.accompaniment;

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

/**
 * Every operation of the accompaniment API, sent malformed input generated from its OpenAPI document: the chantier
 * side with a national token, the partner's inbox with a partner token (the two roles reach disjoint endpoints).
 */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class MalformedInputCorpusTest {

    private static final String PARTNER_PATHS = "/partner/";

    @Inject
    MongoDatabase database;

    @TestFactory
    Stream<DynamicNode> everyMalformedRequestOfTheChantierSideIsRefusedWithAProblemAndStoresNothing() {
        return MalformedInputCorpus.of(new RawHttp("localhost", RestAssured.port), "Bearer " + Tokens.national())
                .paths(path -> !path.startsWith(PARTNER_PATHS))
                .storeUnchanged(StoreSnapshot.of(database))
                .atLeast(800)
                .tests();
    }

    @TestFactory
    Stream<DynamicNode> everyMalformedRequestOfAPartnerIsRefusedWithAProblemAndStoresNothing() {
        String partner = Tokens.partner("paris", "cpam");
        return MalformedInputCorpus.of(new RawHttp("localhost", RestAssured.port), "Bearer " + partner)
                .paths(path -> path.startsWith(PARTNER_PATHS))
                .storeUnchanged(StoreSnapshot.of(database))
                .atLeast(80)
                .tests();
    }
}
