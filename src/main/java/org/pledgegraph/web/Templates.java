package org.pledgegraph.web;

import java.io.IOException;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The page templates of {@code src/main/jte}, compiled to Java at build time by the jte-maven-plugin. JTE's HTML
 * content type escapes every {@code ${...}} for the place it is written in (text, attribute), so a value can never
 * become markup; {@code $unsafe{...}} is not used anywhere.
 */
public final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders {@code template} (e.g. {@code "home.jte"}) with its one {@code @param} and sends it as HTML. */
    public void send(HttpServletResponse response, int status, String template, Object model) throws IOException {
        Utf8ByteOutput out = new Utf8ByteOutput();
        engine.render(template, model, out);
        response.setStatus(status);
        response.setContentType("text/html; charset=utf-8");
        response.setContentLength(out.getContentLength());
        out.writeTo(response.getOutputStream());
    }

    /** Renders to a string: for tests, and for fragments a page embeds. */
    public String render(String template, Object model) {
        gg.jte.output.StringOutput out = new gg.jte.output.StringOutput();
        engine.render(template, model, out);
        return out.toString();
    }

}
