package org.pledgegraph.server;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.eclipse.jetty.ee10.servlet.security.ConstraintMapping;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.Constraint;

/**
 * HTTP basic authentication for writes only. Fuseki protects an endpoint by its path, for every method, so a password
 * on Graph Store writes would also lock Graph Store reads of {@code /data}. Here the login is demanded by path and
 * method: every request to {@code /update}, and PUT, POST, DELETE and PATCH to {@code /data} and below it.
 */
final class WriteAuthentication {
    static final List<String> WRITE_METHODS = List.of("PUT", "POST", "DELETE", "PATCH");

    private WriteAuthentication() {}

    static ConstraintSecurityHandler handler(Path credentials, String realm, String datasetPath) {
        ConstraintSecurityHandler handler = JettySecurityLib.makeSecurityHandler(realm,
                JettySecurityLib.makeUserStore(credentials.toString()), AuthScheme.BASIC);
        handler.addConstraintMapping(loginRequired(handler, datasetPath + "/update", null));
        for (String method : WRITE_METHODS) {
            handler.addConstraintMapping(loginRequired(handler, datasetPath + "/data", method));
            // Graphs named by their URL below the endpoint (see DirectGraphs).
            handler.addConstraintMapping(loginRequired(handler, datasetPath + "/data/*", method));
        }
        return handler;
    }

    private static ConstraintMapping loginRequired(ConstraintSecurityHandler handler, String path, String method) {
        Constraint constraint = new Constraint.Builder()
                .name(handler.getAuthenticator().getAuthenticationType())
                .authorization(Constraint.Authorization.ANY_USER)
                .build();
        ConstraintMapping mapping = new ConstraintMapping();
        mapping.setConstraint(constraint);
        mapping.setPathSpec(path);
        if (method != null) {
            mapping.setMethod(method);
        }
        return mapping;
    }
}
