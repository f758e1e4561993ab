package org.gesturelab.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Reads every command's help as a user would: no unresolved values, no words or paths broken across lines. */
class HelpTextTest {

    /** A line that ends inside a path ("~/." or "/") and goes on with a lower-case word. */
    private static final Pattern BROKEN_PATH = Pattern.compile("(/|~/\\.)\\n\\s+[a-z]");

    @Test
    void everyHelpTextReadsWhole() {
        List<String> problems = new ArrayList<>();
        collect(GestureLabCommand.newCommandLine(), problems);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theBrokenPathPatternCatchesWhatItShould() {
        assertTrue(BROKEN_PATH.matcher("else ~/.\n      gesturelab/models").find());
        assertFalse(BROKEN_PATH.matcher("in your home folder.\n      Default").find());
    }

    private static void collect(CommandLine commandLine, List<String> problems) {
        String help = commandLine.getUsageMessage(CommandLine.Help.Ansi.OFF);
        String name = commandLine.getCommandSpec().qualifiedName();
        if (Pattern.compile("\\bnull\\b").matcher(help).find()) {
            problems.add(name + ": help says 'null'");
        }
        if (help.contains("${")) {
            problems.add(name + ": help has an unresolved variable");
        }
        if (BROKEN_PATH.matcher(help).find()) {
            problems.add(name + ": help breaks a path across lines");
        }
        commandLine.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, problems));
    }
}
