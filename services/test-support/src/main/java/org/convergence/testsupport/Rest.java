package org.convergence.testsupport;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** A REST call to the service under test (where {@code @QuarkusTest} points RestAssured) as a caller with a token. */
public final class Rest {

    private Rest() {
    }

    /** JSON in and out, with {@code token} as the bearer token. */
    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static RequestSpecification asNational() {
        return as(Tokens.national());
    }
}
