package org.pledgegraph.cli;

import java.io.PrintWriter;
import java.util.List;

import org.pledgegraph.UserException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The pledgegraph command line. Exit codes: 0 ok, 1 user error (one-line reason), 2 internal error. */
@Command(name = "pledgegraph", mixinStandardHelpOptions = true, version = "pledgegraph 0.1.0",
        description = "A linked-data store of diplomatic commitments, served over SPARQL.")
public final class PledgeGraph implements Runnable {
    public static final int OK = 0;
    public static final int USER_ERROR = 1;
    public static final int INTERNAL_ERROR = 2;

    /** The commands, in the order help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(LoadCommand.class, ServeCommand.class, QueryCommand.class,
            ExportCommand.class, EventCommand.class, StatusCommand.class, GenerateCommand.class, BenchCommand.class,
            LinkCommand.class, SourceCommand.class, ValidateCommand.class, CompactCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line in this JVM: what {@code main} does, without exiting. */
    public static int execute(String... args) {
        return commandLine(args).execute(args);
    }

    /** The whole command line, every command registered. */
    public static CommandLine commandLine() {
        return withHandlers(withCommands(COMMANDS));
    }

    /**
     * The command line for these arguments: when the first names a command, only that command is registered. Picocli
     * reads every command's options by reflection when it registers it, which was a quarter of a short command's
     * start-up; help, version and mistakes still see them all.
     */
    static CommandLine commandLine(String... args) {
        if (args.length > 0) {
            for (Class<?> command : COMMANDS) {
                if (command.getAnnotation(Command.class).name().equals(args[0])) {
                    return withHandlers(withCommands(List.of(command)));
                }
            }
        }
        return commandLine();
    }

    private static CommandLine withCommands(List<Class<?>> commands) {
        CommandLine cli = new CommandLine(new PledgeGraph());
        for (Class<?> command : commands) {
            cli.addSubcommand(command);
        }
        return cli;
    }

    /** Set after the commands are added: picocli passes handlers on to the subcommands registered by then. */
    private static CommandLine withHandlers(CommandLine cli) {
        cli.setParameterExceptionHandler((e, argv) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("pledgegraph: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return USER_ERROR;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            UserException user = userCause(e);
            if (user != null) {
                err.println("pledgegraph: " + user.getMessage());
                return USER_ERROR;
            }
            err.println("pledgegraph: internal error: " + e);
            e.printStackTrace(err);
            return INTERNAL_ERROR;
        });
        return cli;
    }

    private static UserException userCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UserException u) {
                return u;
            }
        }
        return null;
    }
}
