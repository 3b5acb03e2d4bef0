package org.convergence.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import org.convergence.contracts.input.TextRules;

import java.io.IOException;

/** Reads a JSON string (nothing else) as normalised text: one name has one spelling before it is checked or sealed. */
public class NormalisedText extends StdScalarDeserializer<String> {

    public NormalisedText() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return (String) context.handleUnexpectedToken(String.class, parser);
        }
        return TextRules.normalise(parser.getText());
    }
}
