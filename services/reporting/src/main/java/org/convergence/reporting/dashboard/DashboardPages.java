package org.convergence.reporting.dashboard;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/** The dashboard's templates, rendered with the viewer and a page's data. */
@ApplicationScoped
public class DashboardPages {

    @Inject
    @Location("dashboard/national.html")
    Template national;

    @Inject
    @Location("dashboard/territory.html")
    Template territory;

    @Inject
    @Location("dashboard/chantier.html")
    Template chantier;

    @Inject
    @Location("dashboard/sign-in.html")
    Template signIn;

    @Inject
    @Location("dashboard/message.html")
    Template message;

    public String national(Viewer viewer, Map<String, Object> data) {
        return render(national, viewer, data);
    }

    public String territory(Viewer viewer, Map<String, Object> data) {
        return render(territory, viewer, data);
    }

    public String chantier(Viewer viewer, Map<String, Object> data) {
        return render(chantier, viewer, data);
    }

    public String signIn(String error) {
        return signIn.data("viewer", null).data("error", error).render();
    }

    public String message(Viewer viewer, String title, String text) {
        return message.data("viewer", viewer).data("title", title).data("text", text).render();
    }

    private static String render(Template template, Viewer viewer, Map<String, Object> data) {
        var instance = template.data("viewer", viewer);
        data.forEach(instance::data);
        return instance.render();
    }
}
