package org.convergence.platform.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.convergence.contracts.input.Identifiers;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.util.Map;
import java.util.Optional;

/**
 * The OpenAPI document states the format of every id, parameter or body field, from the same table the checks use
 * ({@link Identifiers#kindOf}): a client sees the pattern, and the malformed-input corpus knows what to break.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class IdentifiersInOpenApi implements OASFilter {

    @Override
    public Parameter filterParameter(Parameter parameter) {
        Optional<Identifiers.Kind> kind = Identifiers.kindOf(parameter.getName());
        if (kind.isPresent() && parameter.getSchema() != null && parameter.getSchema().getPattern() == null) {
            parameter.getSchema().setPattern(kind.get().regex());
        }
        return parameter;
    }

    @Override
    public Schema filterSchema(Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null) {
            properties.forEach((name, property) -> Identifiers.kindOf(name).ifPresent(kind -> {
                if (property.getPattern() == null && property.getRef() == null) {
                    property.setPattern(kind.regex());
                }
            }));
        }
        return schema;
    }
}
