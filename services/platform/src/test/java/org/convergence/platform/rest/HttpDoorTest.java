package org.convergence.platform.rest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class HttpDoorTest {

    @Test
    void aBodyNeedsOneConcreteMediaTypeAndNoContentEncoding() {
        assertNull(HttpDoor.bodyHeadersProblem("application/json", null));
        assertNull(HttpDoor.bodyHeadersProblem("application/json; charset=UTF-8", "identity"));
        assertNull(HttpDoor.bodyHeadersProblem("text/csv", ""));
        assertNotNull(HttpDoor.bodyHeadersProblem(null, null));
        assertNotNull(HttpDoor.bodyHeadersProblem(" ", null));
        assertNotNull(HttpDoor.bodyHeadersProblem("*/*", null));
        assertNotNull(HttpDoor.bodyHeadersProblem("application/*", null));
        assertNotNull(HttpDoor.bodyHeadersProblem("application", null));
        assertNotNull(HttpDoor.bodyHeadersProblem("application/json", "gzip"));
        assertNotNull(HttpDoor.bodyHeadersProblem("application/json", "deflate, identity"));
    }
}
