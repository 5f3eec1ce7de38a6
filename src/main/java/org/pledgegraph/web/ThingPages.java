package org.pledgegraph.web;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.graph.Graph;
import org.pledgegraph.Vocab;

/**
 * {@code /id/{kind}/{slug}}: the thing {@code https://w3id.org/pledgegraph/id/{kind}/{slug}}. By {@code Accept}, its page
 * (HTML) or its description ({@link Describe}) in Turtle, JSON-LD, N-Triples or RDF/XML; a suffix ({@code .ttl},
 * {@code .jsonld}, {@code .nt}, {@code .rdf}, {@code .html}) chooses without negotiation. 406 when no representation
 * is acceptable, 404 (a page with suggestions) for what the store does not know. Sources get the source view.
 */
final class ThingPages extends HttpServlet {
    private final transient Site site;
    private final transient Path project;

    ThingPages(Site site, Path project) {
        this.site = site;
        this.project = project;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String rest = request.getPathInfo();
        if (rest == null || rest.length() < 2 || rest.contains("//")) {
            response.sendRedirect("/");
            return;
        }
        // The answer depends on Accept: caches must keep one per Accept.
        response.setHeader("Vary", "Accept");
        Asked asked = Asked.of(request, "/id" + rest);
        if (asked.representation().isEmpty()) {
            Asked.notAcceptable(response);
            return;
        }
        Representation as = asked.representation().get();
        String iri = Vocab.ID + asked.path().substring("/id/".length());
        LocalDate asOf = asOf(request);
        // Read in one transaction, answer after it: a slow client never holds the store open.
        Object answer = site.store().query(view -> {
            Graph description = Describe.of(view, iri);
            if (description.isEmpty()) {
                return as.isRdf() ? null : NotFound.build(site, view, asked.path(), iri);
            }
            if (as.isRdf()) {
                return description;
            }
            return "source".equals(Entity.kindOf(iri))
                    ? SourceView.build(site, view, iri, project, formats(asked.path()))
                    : Entity.build(site, view, iri, description, asOf);
        });
        if (!as.isRdf()) {
            response.setHeader("Link", alternates(asked.path()));
        }
        if (answer == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "nothing is known of <" + iri + ">");
        } else if (answer instanceof NotFound notFound) {
            notFound.send(site, response);
        } else if (answer instanceof Graph description) {
            RdfAnswer.send(response, description, as);
        } else if (answer instanceof SourceView source) {
            site.page(response, 200, "source.jte", source);
        } else {
            site.page(response, 200, "entity.jte", answer);
        }
    }

    /** The date a commitment's status is shown for: {@code ?as-of=YYYY-MM-DD}, else today. */
    private static LocalDate asOf(HttpServletRequest request) {
        String asked = request.getParameter("as-of");
        try {
            return asked == null ? LocalDate.now() : LocalDate.parse(asked);
        } catch (java.time.format.DateTimeParseException e) {
            return LocalDate.now();
        }
    }

    /** The data of a page, for clients that read HTTP headers: {@code Link: </id/x.ttl>; rel="alternate"; type="text/turtle", ...}. */
    static String alternates(String path) {
        List<String> links = new ArrayList<>();
        for (Representation r : Representation.values()) {
            if (r.isRdf()) {
                links.add("<" + path + "." + r.suffix() + ">; rel=\"alternate\"; type=\"" + r.mediaType() + "\"");
            }
        }
        return String.join(", ", links);
    }

    static List<Ref> formats(String path) {
        List<Ref> out = new ArrayList<>();
        out.add(new Ref(null, "Turtle", path + ".ttl"));
        out.add(new Ref(null, "JSON-LD", path + ".jsonld"));
        out.add(new Ref(null, "N-Triples", path + ".nt"));
        out.add(new Ref(null, "RDF/XML", path + ".rdf"));
        return out;
    }

    /** What a request asks for: the path without its suffix, and the representation (empty: none acceptable). */
    record Asked(String path, Optional<Representation> representation) {
        static Asked of(HttpServletRequest request, String path) {
            return of(request, path, false);
        }

        /** {@code dataFirst}: a resource for programs, where a client that does not mind gets Turtle. */
        static Asked of(HttpServletRequest request, String path, boolean dataFirst) {
            int dot = path.lastIndexOf('.');
            int slash = path.lastIndexOf('/');
            if (dot > slash) {
                Optional<Representation> bySuffix = Representation.bySuffix(path.substring(dot + 1));
                if (bySuffix.isPresent()) {
                    return new Asked(path.substring(0, dot), bySuffix);
                }
            }
            String accept = request.getHeader("Accept");
            return new Asked(path, dataFirst ? Conneg.chooseDataFirst(accept) : Conneg.choose(accept));
        }

        static void notAcceptable(HttpServletResponse response) throws IOException {
            response.setStatus(HttpServletResponse.SC_NOT_ACCEPTABLE);
            response.setContentType("text/plain; charset=utf-8");
            response.getWriter().println("406 Not Acceptable: this resource is served as "
                    + String.join(", ", Representation.offered().subList(0, Representation.values().length))
                    + " (or add .ttl, .jsonld, .nt, .rdf to the path)");
        }
    }
}
