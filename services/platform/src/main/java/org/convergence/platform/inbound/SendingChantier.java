package org.convergence.platform.inbound;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.convergence.contracts.Topics;
import org.convergence.contracts.input.Identifiers;
import org.convergence.platform.messaging.DeadLetter;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The chantier a refused record comes from: the chantier whose own topic it is on (ADR 0021: only that chantier's
 * principal may write there), whatever the record says. On any other topic, the chantier it says it comes from:
 * its envelope's {@code chantierId} when it could be read,
 * otherwise a top-level {@code chantierId} that a shallow, bounded scan of the bytes finds and that is a valid slug.
 * A claim, not a proof (ADR 0018): it decides only whose list shows the rejection.
 */
final class SendingChantier {

    private static final Pattern SLUG = Pattern.compile(Identifiers.SLUG);
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16)
                .maxNumberLength(20).build());
    }

    private SendingChantier() {
    }

    static Optional<String> of(DeadLetter letter) {
        Optional<String> topicOwner = Topics.chantierOf(letter.topic());
        if (topicOwner.isPresent()) {
            // A chantier's own topic (ADR 0021): the broker decided who wrote there, whatever the record claims.
            return topicOwner;
        }
        if (letter.envelope() != null) {
            return Optional.ofNullable(letter.envelope().chantierId());
        }
        return claimedIn(letter.value());
    }

    /** The first top-level {@code chantierId} string of a JSON object, without reading any nested value. */
    static Optional<String> claimedIn(byte[] value) {
        if (value == null || value.length == 0) {
            return Optional.empty();
        }
        try (JsonParser parser = JSON.getFactory().createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                if ("chantierId".equals(field) && token == JsonToken.VALUE_STRING) {
                    String id = parser.getText();
                    return SLUG.matcher(id).matches() ? Optional.of(id) : Optional.empty();
                }
                parser.skipChildren();
            }
        } catch (IOException | RuntimeException unreadable) {
            // not JSON, or broken before the field: no claim
        }
        return Optional.empty();
    }
}
