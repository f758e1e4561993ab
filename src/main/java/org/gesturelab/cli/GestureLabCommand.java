package org.gesturelab.cli;

import java.io.PrintWriter;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.Version;
import org.gesturelab.core.CancelledException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command: lists the subcommands, holds the options every subcommand shares. */
@Command(
        name = "gesturelab",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = GestureLabCommand.VersionProvider.class,
        description = "Teach a computer new gestures: record, label what the model is unsure of, retrain.%n"
                + "Run without a command to open the desktop app.",
        subcommands = {
            CommandLine.HelpCommand.class,
            ModelsCommand.class,
            BenchCommand.class,
            ProjectCommand.class,
            ImportCommand.class,
            ExportCommand.class,
            ExportModelCommand.class,
            ExportBundleCommand.class,
            StatsCommand.class,
            ExtractCommand.class,
            TrainCommand.class,
            EvaluateCommand.class,
            EvaluateStreamCommand.class,
            CalibrateCommand.class,
            StreamCommand.class,
            PredictCommand.class,
            CompareCommand.class,
            SimulateCommand.class,
            QueryCommand.class,
            LabelCommand.class,
            RunCommand.class,
        })
public final class GestureLabCommand implements Runnable {

    /** Exit code for a failure the user can fix (bad input, missing models, a failed check). */
    public static final int EXIT_USER_ERROR = 1;
    /** Exit code for an unexpected internal error. */
    public static final int EXIT_INTERNAL_ERROR = 3;
    /** Exit code when the user cancelled (Ctrl+C or a cancel request). */
    public static final int EXIT_CANCELLED = 130;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private static boolean verbose;

    /**
     * Turns on debug logging. It must run before the first logger is created, which picocli's parse phase
     * guarantees for everything but this class.
     *
     * @param on whether to log at debug level
     */
    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "Log debug details.")
    void setVerbose(boolean on) {
        verbose = on;
        if (on) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Builds the command line with its error handling, so that tests run exactly what users run.
     *
     * @return the configured command line
     */
    public static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new GestureLabCommand());
        commandLine.setExecutionExceptionHandler(GestureLabCommand::handleError);
        commandLine.setExecutionStrategy(GestureLabCommand::executeReportingMemory);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    /**
     * Runs the command line and returns its exit code.
     *
     * @param args the arguments
     * @return the exit code
     */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    /**
     * Runs the chosen command; running out of memory (an Error, which picocli does not hand to the exception
     * handler) becomes one line naming the command and its inputs instead of a stack trace.
     */
    private static int executeReportingMemory(CommandLine.ParseResult parseResult) {
        try {
            return new CommandLine.RunLast().execute(parseResult);
        } catch (OutOfMemoryError e) {
            CommandLine command = parseResult.asCommandLineList().get(parseResult.asCommandLineList().size() - 1);
            long maxMb = Runtime.getRuntime().maxMemory() >> 20;
            command.getErr().println(command.getColorScheme().errorText("Error: out of memory (" + e.getMessage()
                    + ") in '" + command.getCommandName() + "' with " + String.join(" ",
                            parseResult.expandedArgs()) + ": the input is too big for the " + maxMb
                    + " MB Java may use here. Use a smaller input, or give Java more memory (java -Xmx...)."));
            return EXIT_USER_ERROR;
        }
    }

    private static int handleError(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof CancelledException) {
            err.println("Cancelled.");
            return EXIT_CANCELLED;
        }
        if (e instanceof GestureLabException) {
            err.println(commandLine.getColorScheme().errorText("Error: " + e.getMessage()));
            if (verbose) {
                e.printStackTrace(err);
            }
            return EXIT_USER_ERROR;
        }
        err.println(commandLine.getColorScheme().errorText("Internal error: " + e));
        if (verbose) {
            e.printStackTrace(err);
        } else {
            err.println("Run again with -v for details.");
        }
        return EXIT_INTERNAL_ERROR;
    }

    /** Reads the version Maven stamped into the jar. */
    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"GestureLab " + Version.get(),
                "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name")
                        + " " + System.getProperty("os.arch")};
        }
    }
}
