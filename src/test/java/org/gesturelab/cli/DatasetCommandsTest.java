package org.gesturelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gesturelab.SharedData;
import org.gesturelab.dataset.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCommandsTest {

    @TempDir
    Path temp;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        CliRunner runner = new CliRunner();
        int code = runner.run(args);
        return new Result(code, runner.out(), runner.err());
    }

    @Test
    void initCreatesProjectWithClasses() throws IOException {
        Path dir = temp.resolve("demo");
        Result result = run("project", "init", dir.toString(), "--classes", "Like,Fire works,Heart");
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("Fire works"), result.out());
        try (Project project = Project.open(dir)) {
            assertEquals(List.of("Like", "Fire works", "Heart", "Nothing"), project.classNames());
            assertEquals(java.util.Optional.of("Nothing"), project.nothingClass());
        }
        Result again = run("project", "init", dir.toString());
        assertEquals(1, again.code());
        assertTrue(again.err().contains("already holds a GestureLab project"), again.err());
    }

    @Test
    void importJointsSplitsByPersonAndChecksItsOptions() throws IOException {
        Path joints = SharedData.require("bodygesture15/joints");
        Path dir = temp.resolve("bg15");
        assertEquals(0, run("project", "init", dir.toString()).code());
        Result misplaced = run("import", dir.toString(), "--mp-data", joints.toString(), "--test-subjects", "S7");
        assertEquals(1, misplaced.code());
        assertTrue(misplaced.err().contains("go with --joints"), misplaced.err());
        Result result = run("import", dir.toString(), "--joints", joints.toString(), "--test-subjects", "S7,S8",
                "--distance", "1m");
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("Imported 120 clips"), result.out());
        try (Project project = Project.open(dir)) {
            assertEquals(90, project.stats().train());
            assertEquals(30, project.stats().test());
            assertEquals(16, project.classNames().size(), "15 gestures and the Nothing class project init made");
        }
    }

    @Test
    void importKsl13TrainAndTestThenStatsAsJson() throws IOException {
        Path train = SharedData.require("ksl13-posehands/MP_Data");
        Path test = SharedData.require("ksl13-posehands/MP_Data1");
        Path dir = temp.resolve("ksl");
        assertEquals(0, run("project", "init", dir.toString()).code());
        Result first = run("import", dir.toString(), "--mp-data", train.toString());
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("Imported 650 clips"), first.out());
        Result second = run("import", dir.toString(), "--mp-data", test.toString(), "--as", "test");
        assertEquals(0, second.code(), second.err());

        Result stats = run("stats", dir.toString(), "--json");
        assertEquals(0, stats.code(), stats.err());
        JsonNode json = new ObjectMapper().readTree(stats.out());
        assertEquals(780, json.get("clips").asInt());
        assertEquals(130, json.get("test").asInt());
        assertEquals(14, json.get("classes").asInt(), "13 signs and the Nothing class project init made");
        assertEquals("Let's go", json.get("perClass").get(9).get("name").asText(), stats.out());
        assertEquals(10, json.get("perClass").get(9).get("test").asInt());

        Result text = run("stats", dir.toString());
        assertTrue(text.out().contains("i'm fine"), text.out());
    }

    @Test
    void exportFormatsRoundTripThroughImport() throws IOException {
        Path dir = temp.resolve("a");
        assertEquals(0, run("project", "init", dir.toString()).code());
        Path data = temp.resolve("MP_Data");
        for (String className : List.of("Let's go", "b")) {
            for (int s = 0; s < 2; s++) {
                Path sequence = Files.createDirectories(data.resolve(className).resolve(Integer.toString(s)));
                for (int f = 0; f < 30; f++) {
                    float[] values = new float[1662];
                    values[f] = s + 0.25f;
                    org.gesturelab.core.Npy.write(sequence.resolve(f + ".npy"),
                            new org.gesturelab.core.Npy.Array(new int[] {1662}, values));
                }
            }
        }
        assertEquals(0, run("import", dir.toString(), "--mp-data", data.toString()).code());
        for (String format : List.of("mp-data", "csv", "npy")) {
            Path out = temp.resolve("out-" + format + (format.equals("csv") ? ".csv" : ""));
            Result export = run("export", dir.toString(), "--format", format, "--out", out.toString());
            assertEquals(0, export.code(), export.err());
            assertTrue(export.out().contains("Exported 4 clips"), export.out());
            Path copy = temp.resolve("copy-" + format);
            assertEquals(0, run("project", "init", copy.toString()).code());
            String option = switch (format) {
                case "mp-data" -> "--mp-data";
                case "csv" -> "--csv";
                default -> "--npy";
            };
            Result imported = run("import", copy.toString(), option, out.toString());
            assertEquals(0, imported.code(), imported.err());
            JsonNode json = new ObjectMapper().readTree(run("stats", copy.toString(), "--json").out());
            assertEquals(4, json.get("train").asInt(), format);
            // Position 0 is the Nothing class that project init made.
            assertEquals("Let's go", json.get("perClass").get(2).get("name").asText(), format);
        }
        Result bad = run("export", dir.toString(), "--format", "xml", "--out", temp.resolve("x").toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("Unknown format"), bad.err());
    }

    @Test
    void importErrorsNameTheFileAndExitWithOne() throws IOException {
        Path dir = temp.resolve("p");
        assertEquals(0, run("project", "init", dir.toString()).code());
        Path csv = Files.writeString(temp.resolve("bad.csv"), "class,x1\nhello,abc\n");
        Result result = run("import", dir.toString(), "--csv", csv.toString());
        assertEquals(1, result.code());
        assertTrue(result.err().contains("bad.csv line 2"), result.err());
        Result missing = run("import", dir.toString());
        assertEquals(2, missing.code());
    }
}
