package org.pledgegraph.query;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.Syntax;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.pledgegraph.UserException;
import org.pledgegraph.Vocab;
import org.pledgegraph.store.Store;

/** Runs one SPARQL query against the store or a remote endpoint and prints the answer in the chosen format. */
public final class QueryRunner {
    public enum Format { table, csv, tsv, json }

    private QueryRunner() {}

    /** Parses a query; a syntax error names the source, line and column. */
    public static Query parse(String text, String sourceName) {
        try {
            return QueryFactory.create(text, Syntax.syntaxARQ);
        } catch (QueryParseException e) {
            throw new UserException(position(e, sourceName) + ": " + firstLine(e.getMessage()).replaceFirst(AT_POSITION.pattern() + "\\.?$", ""));
        }
    }

    public static void runLocal(Store store, Query query, Format format, OutputStream out) {
        store.query(view -> {
            try (QueryExecution exec = org.apache.jena.sparql.exec.QueryExecutionAdapter.adapt(view.exec(query))) {
                print(exec, query, format, out);
            }
            return null;
        });
    }

    public static void runRemote(String endpoint, Query query, Format format, OutputStream out) {
        try (QueryExecution exec = QueryExecutionHTTP.service(endpoint).query(query).build()) {
            print(exec, query, format, out);
        } catch (QueryExceptionHTTP e) {
            // The endpoint is the user's choice: an unreachable or refusing endpoint is their error to fix, not ours.
            String status = e.getStatusCode() > 0 ? "HTTP " + e.getStatusCode() + ": " : "";
            throw new UserException("endpoint " + endpoint + " failed: " + status + firstLine(rootMessage(e)), e);
        }
    }

    private static void print(QueryExecution exec, Query query, Format format, OutputStream out) {
        if (query.isSelectType()) {
            writeRows(exec.execSelect(), format, Vocab.PREFIXES, out);
        } else if (query.isAskType()) {
            boolean answer = exec.execAsk();
            if (format == Format.json) {
                ResultSetMgr.write(out, answer, ResultSetLang.RS_JSON);
            } else {
                new PrintStream(out, true, StandardCharsets.UTF_8).println(answer ? "yes" : "no");
            }
        } else {
            Model model = query.isConstructType() ? exec.execConstruct() : exec.execDescribe();
            model.setNsPrefixes(Vocab.PREFIXES);
            RDFDataMgr.write(out, model, format == Format.json ? RDFFormat.JSONLD_PRETTY : RDFFormat.TURTLE_PRETTY);
        }
    }

    /** Writes SELECT results; the table shortens IRIs with {@code prefixes}, the other formats write them whole. */
    public static void writeRows(ResultSet results, Format format, PrefixMapping prefixes, OutputStream out) {
        switch (format) {
            case table -> ResultSetFormatter.out(out, results, prefixes);
            case csv -> ResultSetMgr.write(out, results, ResultSetLang.RS_CSV);
            case tsv -> ResultSetMgr.write(out, results, ResultSetLang.RS_TSV);
            case json -> ResultSetMgr.write(out, results, ResultSetLang.RS_JSON);
        }
    }

    private static final Pattern AT_POSITION = Pattern.compile(" at line (\\d+), column (\\d+)");

    /** Where the error is: the parser's message names the offending token, the exception only the last good one. */
    private static String position(QueryParseException e, String sourceName) {
        Matcher m = AT_POSITION.matcher(e.getMessage());
        if (m.find()) {
            return sourceName + ":" + m.group(1) + ":" + m.group(2);
        }
        return e.getLine() > 0 ? sourceName + ":" + e.getLine() + ":" + e.getColumn() : sourceName;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = e.getMessage() != null ? e.getMessage() : t.toString();
        String cause = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        return t != e && !message.contains(cause) ? message + " (" + cause + ")" : message;
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

}
