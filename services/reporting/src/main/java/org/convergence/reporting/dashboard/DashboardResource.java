package org.convergence.reporting.dashboard;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.time.BusinessDates;
import org.convergence.reporting.published.ReportAlreadyPublishedException;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.time.Year;
import java.util.function.Function;

/**
 * The French dashboard (ADR 0019): server-rendered pages over the same figures as the API, under the same roles
 * and scopes. Anyone not signed in is sent to the sign-in page; a page outside the viewer's scope answers a French
 * 403 page that says nothing of what it would have shown.
 */
@Path("/dashboard")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final SecurityIdentity identity;
    private final CallerScope scope;
    private final DashboardPages pages;
    private final DashboardModel model;

    public DashboardResource(SecurityIdentity identity, CallerScope scope, DashboardPages pages, DashboardModel model) {
        this.identity = identity;
        this.scope = scope;
        this.pages = pages;
        this.model = model;
    }

    @GET
    @Operation(hidden = true, summary = "The dashboard's entry: the viewer's own page (nation, territory or chantier)")
    public Response home() {
        return page(viewer -> {
            if (viewer.seesNation()) {
                return redirect("/dashboard/national");
            }
            if (viewer.coordinator() && viewer.territoryId() != null) {
                return redirect("/dashboard/territories/" + viewer.territoryId());
            }
            if (viewer.chantierId() != null) {
                return redirect("/dashboard/chantiers/" + viewer.chantierId());
            }
            throw scope.denied();
        });
    }

    @GET
    @Path("/national")
    @Operation(hidden = true, summary = "The nation's figures, territories by program and status, published beside live")
    public Response national(@QueryParam("year") String year) {
        return page(viewer -> {
            if (!viewer.seesNation()) {
                throw scope.denied();
            }
            return html(pages.national(viewer, model.national(viewer, yearOf(year))));
        });
    }

    @GET
    @Path("/territories/{territoryId}")
    @Operation(hidden = true, summary = "A territory's figures by year, its chantiers and (for its managers) its work-list counts")
    public Response territory(@PathParam("territoryId") String territoryId, @QueryParam("year") String year) {
        return page(viewer -> {
            scope.requireTerritoryFigures(territoryId);
            return model.territory(viewer, territoryId, yearOf(year))
                    .map(data -> html(pages.territory(viewer, data)))
                    .orElseGet(() -> notFound(viewer, "Ce territoire n'est pas (encore) connu du service."));
        });
    }

    @GET
    @Path("/chantiers/{chantierId}")
    @Operation(hidden = true, summary = "A chantier's figures by year")
    public Response chantier(@PathParam("chantierId") String chantierId, @QueryParam("year") String year) {
        return page(viewer -> {
            Directory.Chantier chantier = model.chantier(chantierId).orElse(null);
            if (chantier == null) {
                if (viewer.seesNation()) {
                    return notFound(viewer, "Ce chantier n'est pas (encore) connu du service.");
                }
                throw scope.denied();
            }
            if (!viewer.evaluator()) {
                scope.requireChantierAccess(chantier.territoryId(), chantierId);
            }
            return html(pages.chantier(viewer, model.chantierPage(viewer, chantier, yearOf(year))));
        });
    }

    @POST
    @Path("/reports/{year}")
    @Operation(hidden = true, summary = "Publish a year's report from the dashboard (national team)")
    public Response publish(@PathParam("year") String year) {
        return page(viewer -> {
            if (!viewer.national()) {
                throw scope.denied();
            }
            Year published = yearOf(year);
            try {
                model.publish(published, viewer.subject());
            } catch (ReportAlreadyPublishedException e) {
                return Response.status(409).entity(pages.message(viewer, "Rapport déjà publié",
                        "Le rapport " + published + " est déjà publié ; un rapport publié ne change plus.")).build();
            }
            return redirect("/dashboard/national?year=" + published);
        });
    }

    private Response page(Function<Viewer, Response> render) {
        boolean anonymous;
        try {
            anonymous = identity.isAnonymous();
        } catch (AuthenticationFailedException e) {
            anonymous = true; // an expired or foreign token in the cookie: sign in again
        }
        if (anonymous) {
            return redirect("/dashboard/sign-in");
        }
        Viewer viewer = Viewer.of(scope);
        Response response;
        try {
            response = render.apply(viewer);
        } catch (ForbiddenException e) {
            response = Response.status(403).entity(pages.message(viewer, "Accès refusé",
                    "Cette page est en dehors de votre périmètre.")).build();
        }
        return Response.fromResponse(response).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .header("Cache-Control", "no-store").build();
    }

    private Response notFound(Viewer viewer, String text) {
        return Response.status(404).entity(pages.message(viewer, "Introuvable", text)).build();
    }

    private static Response html(String body) {
        return Response.ok(body).build();
    }

    private static Response redirect(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    /** The year asked for, or this year; anything else than a plausible year falls back to this year. */
    static Year yearOf(String year) {
        int thisYear = BusinessDates.today().getYear();
        if (year != null && year.matches("\\d{4}")) {
            int asked = Integer.parseInt(year);
            if (asked >= 2000 && asked <= thisYear + 1) {
                return Year.of(asked);
            }
        }
        return Year.of(thisYear);
    }
}
