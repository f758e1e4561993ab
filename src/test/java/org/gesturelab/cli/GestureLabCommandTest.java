package org.gesturelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class GestureLabCommandTest {

    @Test
    void versionPrintsTheProjectVersion() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = GestureLabCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out));
        assertEquals(0, commandLine.execute("--version"));
        assertTrue(out.toString().startsWith("GestureLab "), out.toString());
        assertTrue(!out.toString().contains("${"), "version was not filtered: " + out);
    }

    /** Stands for any command that runs out of memory on a too-big input. */
    @CommandLine.Command(name = "swallow")
    static final class Swallow implements java.util.concurrent.Callable<Integer> {
        @CommandLine.Parameters(index = "0")
        String input;

        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void runningOutOfMemoryIsOneLineNamingTheInput() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = GestureLabCommand.newCommandLine();
        commandLine.addSubcommand("swallow", new Swallow());
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute("swallow", "huge.npy");
        assertEquals(GestureLabCommand.EXIT_USER_ERROR, exit);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("out of memory") && err.toString().contains("huge.npy"), err.toString());
    }

    @Test
    void unknownOptionIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = GestureLabCommand.newCommandLine();
        commandLine.setErr(new PrintWriter(err));
        assertEquals(2, commandLine.execute("--no-such-option"));
        assertTrue(err.toString().contains("Unknown option"), err.toString());
    }

    @Test
    void progressBarRendersFractionAndCounts() {
        assertEquals("Converting [###############               ]  50% (5/10)",
                ConsoleProgress.render("Converting", 5, 10));
        assertEquals("Scanning  7", ConsoleProgress.render("Scanning", 7, -1));
    }
}
