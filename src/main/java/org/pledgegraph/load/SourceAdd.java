package org.pledgegraph.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIx;
import org.apache.jena.irix.IRIException;
import org.apache.jena.sparql.util.FmtUtils;
import org.pledgegraph.UserException;
import org.pledgegraph.Vocab;

/**
 * The door for texts ({@code source add}): stores a source's text as {@code data/sources/SLUG.txt} in the one form
 * selectors count in (UTF-8, NFC, LF line ends, no byte order mark) and starts {@code data/sources/SLUG.ttl} with its
 * description, to which the curator adds facts and their quotes. Nothing is written when anything is wrong.
 */
public final class SourceAdd {
    /** What the command line says of the source. */
    public record Description(String slug, String title, String published, String url, String publisher, String lang) {}

    /** What was written: the two project-relative paths, and the size of the text. */
    public record Added(String text, String turtle, long codePoints, long lines) {}

    private final Path project;

    public SourceAdd(Path project) {
        this.project = project;
    }

    public Added add(Path file, Description d) {
        if (d.slug() == null || !d.slug().matches("[a-z0-9][a-z0-9-]*")) {
            throw new UserException("--slug '" + d.slug() + "': use lowercase letters, digits and '-' (e.g. summit-2026-02-01)");
        }
        if (d.slug().startsWith("event-")) {
            throw new UserException("--slug '" + d.slug() + "': names starting with 'event-' are kept for recorded occurrences");
        }
        LocalDate published = date(d.published());
        String lang = d.lang() == null ? "en" : d.lang();
        if (!lang.matches("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*")) {
            throw new UserException("--lang '" + lang + "' is not a language tag (e.g. en, fr, de-CH)");
        }
        if (d.url() != null) {
            url(d.url());
        }
        if (d.title() == null || d.title().isBlank()) {
            throw new UserException("--title must not be empty");
        }
        Path dir = project.resolve("data/sources");
        String textName = "data/sources/" + d.slug() + ".txt";
        String turtleName = "data/sources/" + d.slug() + ".ttl";
        for (String existing : new String[] {textName, turtleName}) {
            if (Files.exists(project.resolve(existing))) {
                throw new UserException(existing + " already exists: source '" + d.slug() + "' was added before (choose another --slug)");
            }
        }
        String text = normalized(file);
        try {
            Files.createDirectories(dir);
            Files.writeString(project.resolve(textName), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            Files.writeString(project.resolve(turtleName), description(d, published, lang), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UserException("cannot write " + dir + ": " + e.getMessage(), e);
        }
        return new Added(textName, turtleName, text.codePoints().count(), text.lines().count());
    }

    /** The text in the form selectors count in: refused with the byte offset of the first invalid UTF-8 byte. */
    static String normalized(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String text = decode(bytes, file.toString());
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    static String decode(byte[] bytes, String name) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new UserException(name + ": not UTF-8: invalid byte 0x" + String.format("%02X", bytes[in.position()] & 0xFF)
                    + " at byte offset " + in.position() + " (save the text as UTF-8)");
        }
        result = decoder.flush(out);
        if (result.isError()) {
            throw new UserException(name + ": not UTF-8: truncated sequence at byte offset " + in.position());
        }
        out.flip();
        return out.toString();
    }

    private static LocalDate date(String text) {
        try {
            if (text == null || !text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("not YYYY-MM-DD", String.valueOf(text), 0);
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UserException("--published '" + text + "': expected a date YYYY-MM-DD, e.g. 2026-01-07");
        }
    }

    private static void url(String url) {
        try {
            IRIx iri = IRIx.create(url);
            String scheme = iri.scheme();
            if (!"http".equals(scheme) && !"https".equals(scheme) || !iri.isAbsolute()) {
                throw new UserException("--url '" + url + "': expected an http(s) URL");
            }
        } catch (IRIException e) {
            throw new UserException("--url '" + url + "' is not a valid IRI: " + e.getMessage());
        }
    }

    private static String description(Description d, LocalDate published, String lang) {
        StringBuilder t = new StringBuilder();
        t.append("@prefix pg:      <").append(Vocab.PG).append("> .\n");
        for (String p : new String[] {"rdfs", "xsd", "oa", "prov", "dcterms", "schema", "org"}) {
            t.append(String.format("@prefix %-8s <%s> .%n", p + ":", Vocab.PREFIXES.getNsPrefixURI(p)));
        }
        for (String kind : Vocab.KINDS) {
            t.append(String.format("@prefix %-8s <%s> .%n", kind + ":", Vocab.ID + kind + "/"));
        }
        String title = literal(d.title(), lang);
        t.append("\n# The facts of data/sources/").append(d.slug()).append(".txt, and nothing else. Give the evidence for each\n")
                .append("# fact as its exact quote (docs/sources.md); 'load' turns each quote into a full Web Annotation:\n")
                .append("#\n")
                .append("#   [] a oa:Annotation ; oa:hasBody commitment:some-commitment ;\n")
                .append("#       oa:hasTarget [ oa:exact \"the exact words of the text\" ] .\n\n");
        t.append("source:").append(d.slug()).append(" a pg:SourceDocument ;\n");
        t.append("    rdfs:label ").append(title).append(" ;\n");
        t.append("    dcterms:title ").append(title).append(" ;\n");
        t.append("    pg:publicationDate \"").append(published).append("\"^^xsd:date ;\n");
        if (d.publisher() != null && !d.publisher().isBlank()) {
            t.append("    dcterms:publisher ").append(literal(d.publisher(), null)).append(" ;\n");
        }
        t.append("    dcterms:language ").append(literal(lang, null)).append(" ;\n");
        if (d.url() != null) {
            t.append("    schema:url <").append(d.url()).append("> ;\n");
        }
        t.append("    pg:textFile \"data/sources/").append(d.slug()).append(".txt\" .\n");
        return t.toString();
    }

    private static String literal(String text, String lang) {
        return FmtUtils.stringForNode(lang == null ? NodeFactory.createLiteralString(text) : NodeFactory.createLiteralLang(text, lang));
    }
}
