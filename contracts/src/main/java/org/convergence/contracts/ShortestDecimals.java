package org.convergence.contracts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

import java.io.IOException;

/**
 * Watches the decimals of a record as the strict reader reads it, and tells whether each was written as Java
 * writes its double ({@code 26.5}). The schema validator reads such a decimal as that double, any other
 * ({@code 26.50}, {@code 1e2}, more digits than a double holds) as its exact value: only when every decimal is
 * shortest is the tree already read the one the validator would read ({@code ValidatorTrees}, ADR 0038). No
 * contract has decimal fields, so a decimal is a wrong value anyway; this only keeps its refusal as it was.
 */
final class ShortestDecimals {

    private boolean allShortest = true;

    JsonParser watch(JsonParser parser) {
        return new JsonParserDelegate(parser) {
            @Override
            public JsonToken nextToken() throws IOException {
                return seen(super.nextToken());
            }

            @Override
            public JsonToken nextValue() throws IOException {
                return seen(super.nextValue());
            }

            private JsonToken seen(JsonToken token) throws IOException {
                if (token == JsonToken.VALUE_NUMBER_FLOAT && allShortest
                        && !Double.toString(getDoubleValue()).equals(getText())) {
                    allShortest = false;
                }
                return token;
            }
        };
    }

    boolean allShortest() {
        return allShortest;
    }
}
