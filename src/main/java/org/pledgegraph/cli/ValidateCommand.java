package org.pledgegraph.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.pledgegraph.load.Loader;
import org.pledgegraph.validate.Report;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Validate ontology/ and data/ as 'load' would load them, without touching the store: strict parsing,",
                "quotes expanded, the SHACL shapes of ontology/shapes/, selectors against the source texts, every fact of",
                "a source annotated. Prints each violation (file:line, focus node, path, message, shape); exit 1 if any."})
final class ValidateCommand implements Callable<Integer> {
    @Option(names = "--project", paramLabel = "DIR", description = "Folder with ontology/ and data/ (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:PLEDGEGRAPH_PROJECT:-.}")
    Path project;

    @Option(names = "--format", paramLabel = "text|ttl", defaultValue = "text",
            description = "text (one line per violation) or ttl (a SHACL validation report in Turtle). Default: ${DEFAULT-VALUE}.")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("ttl")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format must be text or ttl, not " + format);
        }
        Report report = new Loader(project).validate();
        var out = spec.commandLine().getOut();
        if (format.equals("ttl")) {
            java.io.StringWriter w = new java.io.StringWriter();
            RDFDataMgr.write(w, report.graph(), RDFFormat.TURTLE_PRETTY);
            out.print(w);
        } else {
            out.println(report.text());
        }
        out.flush();
        return report.conforms() ? PledgeGraph.OK : PledgeGraph.USER_ERROR;
    }
}
