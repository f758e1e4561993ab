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
