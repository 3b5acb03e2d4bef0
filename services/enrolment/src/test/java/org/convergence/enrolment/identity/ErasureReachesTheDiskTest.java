package org.convergence.enrolment.identity;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.types.Binary;
import org.convergence.embedded.FileMongoStackResource;
import org.convergence.embedded.StoreFiles;
import org.convergence.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Erasure reaches the disk (ADR 0013): once the erasure has answered, the participant's key is in no file of the
 * embedded store, searched byte for byte as anyone holding a copy of those files could.
 */
@QuarkusTest
@WithTestResource(FileMongoStackResource.class)
class ErasureReachesTheDiskTest {

    @Inject
    MongoClient mongo;

    @Test
    void onceAnErasureHasAnsweredTheParticipantsKeyIsInNoFileOfTheStore() {
        String territory = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String chantier = "c-" + UUID.randomUUID().toString().substring(0, 8);
        asNational().body("""
                {"territoryId":"%s","name":"Paris","densityKind":"URBAN"}""".formatted(territory))
                .post("/territories").then().statusCode(201);
        asNational().body("""
                {"chantierId":"%s","name":"Emmaüs Défi","programs":[{"program":"CONVERGENCE","since":"2019-01-01"}]}"""
                .formatted(chantier)).post("/territories/" + territory + "/chantiers").then().statusCode(201);
        String participantId = asNational().body("""
                {"pathwayId":"%s","program":"CONVERGENCE","chantierId":"%s","entryDate":"2020-02-03",
                 "identity":{"firstName":"Ernestine","lastName":"Quillaubert-Zed","birthDate":"1975-04-03"}}"""
                .formatted(UUID.randomUUID(), chantier)).post("/pathways").then().statusCode(201)
                .extract().path("participantId");
        byte[] key = keyOf(participantId);
        Path store = FileMongoStackResource.storeDirectory();
        assertFalse(StoreFiles.containing(store, key).isEmpty(), "before erasure the search finds the key");

        asNational().post("/participants/" + participantId + "/erasure").then().statusCode(204);

        assertEquals(List.of(), StoreFiles.containing(store, key), "files of the store still holding the erased key");
        asNational().get("/participants/" + participantId + "/identity").then().statusCode(410);
    }

    private byte[] keyOf(String participantId) {
        Document document = mongo.getDatabase("enrolment_keys").getCollection("participant_keys")
                .find(Filters.eq("_id", participantId)).first();
        return document.get("key", Binary.class).getData();
    }

    private static RequestSpecification asNational() {
        return RestAssured.given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON);
    }
}
