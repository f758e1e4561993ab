package org.gesturelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gesturelab.core.Npy;
import org.gesturelab.dataset.ClipQuery;
import org.gesturelab.dataset.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import ... --as-nothing A,B} maps a source's classes into the Nothing class in every clip format. */
class AsNothingImportTest {

    @TempDir
    Path temp;

    private static CliRunner run(String... args) {
        CliRunner runner = new CliRunner();
        runner.run(args);
        return runner;
    }

    private static int code(String... args) {
        return new CliRunner().run(args);
    }

    private Path mpData() throws IOException {
        Path data = temp.resolve("MP_Data");
        for (String className : List.of("wave", "idle", "other")) {
            for (int s = 0; s < 2; s++) {
                Path sequence = Files.createDirectories(data.resolve(className).resolve(Integer.toString(s)));
                for (int f = 0; f < 30; f++) {
                    float[] values = new float[1662];
                    values[f] = s + 0.5f;
                    Npy.write(sequence.resolve(f + ".npy"), new Npy.Array(new int[] {1662}, values));
                }
            }
        }
        return data;
    }

    private static long labeled(Project project, String className) {
        int index = project.requireClass(className);
        return project.clips(ClipQuery.all()).stream().filter(c -> c.label() != null && c.label() == index).count();
    }

    @Test
    void mpDataAndCsvClassesGoIntoNothing() throws IOException {
        Path data = mpData();
        Path dir = temp.resolve("p");
        assertEquals(0, code("project", "init", dir.toString()));
        assertEquals(0, code("import", dir.toString(), "--mp-data", data.toString(), "--as-nothing", "idle,other"));
        try (Project project = Project.open(dir)) {
            assertEquals(List.of("Nothing", "wave"), project.classNames());
            assertEquals(4, labeled(project, "Nothing"));
            assertEquals(2, labeled(project, "wave"));
        }
        // CSV: export, then import into a project whose Nothing class was renamed; the mapping follows the mark.
        Path csv = temp.resolve("all.csv");
        assertEquals(0, code("export", dir.toString(), "--format", "csv", "--out", csv.toString()));
        Path copy = temp.resolve("copy");
        assertEquals(0, code("project", "init", copy.toString(), "--classes", "wave"));
        try (Project project = Project.open(copy)) {
            project.renameClass(project.nothingClass().map(project::requireClass).orElseThrow(), "Idle");
        }
        assertEquals(0, code("import", copy.toString(), "--csv", csv.toString(), "--as-nothing", "wave"));
        try (Project project = Project.open(copy)) {
            assertEquals(List.of("wave", "Idle", "Nothing"), project.classNames(),
                    "the source's own Nothing class is an ordinary name there; only 'wave' was mapped");
            assertEquals(2, labeled(project, "Idle"));
            assertEquals(0, labeled(project, "wave"));
        }
    }

    @Test
    void aNameTheSourceLacksIsRefusedAndNothingIsImported() throws IOException {
        Path data = mpData();
        Path dir = temp.resolve("p");
        assertEquals(0, code("project", "init", dir.toString()));
        CliRunner typo = run("import", dir.toString(), "--mp-data", data.toString(), "--as-nothing", "idel");
        assertTrue(typo.err().contains("--as-nothing names idel"), typo.err());
        assertTrue(typo.err().contains("idle, other, wave"), typo.err());
        try (Project project = Project.open(dir)) {
            assertEquals(0, project.clips(ClipQuery.all()).size());
            assertEquals(List.of("Nothing"), project.classNames());
        }
        CliRunner recording = run("import", dir.toString(), "--recording", temp.resolve("r.npy").toString(),
                "--as-nothing", "idle");
        assertTrue(recording.err().contains("--as-nothing goes with"), recording.err());
    }
}
