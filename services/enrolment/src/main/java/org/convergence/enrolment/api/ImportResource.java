package org.convergence.enrolment.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.convergence.enrolment.importing.ImportReport;
import org.convergence.enrolment.importing.PathwayImport;
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Bulk import of historic pathways, as JSON lines or CSV (docs/import-format.md); safe to re-run. */
@Path("/imports/pathways")
@SecurityRequirement(name = "jwt")
public class ImportResource {

    private final PathwayImport importer;
    private final CallerScope scope;

    public ImportResource(PathwayImport importer, CallerScope scope) {
        this.importer = importer;
        this.scope = scope;
    }

    @POST
    @Consumes({"application/x-ndjson", "application/jsonl"})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR})
    @Operation(summary = "Import historic pathways (one JSON object per line); reports rejected lines with reasons")
    public ImportReport importJsonLines(InputStream body) {
        return importer.run(reader(body), PathwayImport.Format.JSON_LINES, new ScopeAccess(scope));
    }

    @POST
    @Consumes("text/csv")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR})
    @Operation(summary = "Import historic pathways from CSV with a header row; reports rejected lines with reasons")
    public ImportReport importCsv(InputStream body) {
        return importer.run(reader(body), PathwayImport.Format.CSV, new ScopeAccess(scope));
    }

    private static BufferedReader reader(InputStream body) {
        return new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    }
}
