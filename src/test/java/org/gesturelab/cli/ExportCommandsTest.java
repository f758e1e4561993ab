package org.gesturelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.gesturelab.classify.ModelStore;
import org.gesturelab.classify.SequenceClassifier;
import org.gesturelab.classify.TestData;
import org.gesturelab.classify.export.BundleExporter;
import org.gesturelab.classify.export.OnnxExporter;
import org.gesturelab.classify.export.OnnxModelCard;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.core.Npy;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.NewClip;
import org.gesturelab.dataset.Project;
import org.gesturelab.mediapipe.Checksums;
import org.gesturelab.mediapipe.MediaPipeModel;
import org.gesturelab.mediapipe.ModelDirectory;
import org.gesturelab.mediapipe.ModelManifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export-model} and {@code export-bundle} on a small trained project, run as users run them; the bundle's
 * Node.js example is run with onnxruntime-node when {@code node} and {@code npm} are present.
 */
class ExportCommandsTest {

    @TempDir
    static Path root;
    private static Path project;
    private static Path models;

    @BeforeAll
    static void createTrainedProject() throws Exception {
        project = root.resolve("gestures");
        LabeledClips train = TestData.synthetic(3, 10, 31);
        LabeledClips test = TestData.synthetic(3, 2, 32);
        try (Project p = Project.create(project, "gestures", List.of("up", "Let's go", "i'm fine"))) {
            for (int i = 0; i < train.size(); i++) {
                p.addClip(NewClip.labeled(train.clips().get(i), ClipState.TRAIN, train.labels()[i], "synthetic"));
            }
            for (int i = 0; i < test.size(); i++) {
                p.addClip(NewClip.labeled(test.clips().get(i), ClipState.TEST, test.labels()[i], "synthetic"));
            }
        }
        CliRunner runner = new CliRunner();
        assertEquals(0, runner.run("train", project.toString(), "--epochs", "8", "--seed", "4"), runner.err());
        models = fakeModelDirectory(root.resolve("mediapipe-models"));
    }

    /** Small stand-ins for the ten MediaPipe ONNX files, with a manifest holding their real checksums. */
    private static Path fakeModelDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<ModelManifest.Entry> entries = new ArrayList<>();
        for (MediaPipeModel model : MediaPipeModel.values()) {
            Path onnx = dir.resolve(model.onnxFileName());
            Files.writeString(onnx, "stand-in for " + model.artifactId());
            ModelManifest.FileDigest digest = new ModelManifest.FileDigest(model.onnxFileName(), Files.size(onnx),
                    Checksums.sha256(onnx));
            entries.add(new ModelManifest.Entry(model.artifactId(), digest, digest, List.of(), List.of()));
        }
        new ModelManifest(ModelManifest.FORMAT_VERSION, new ModelManifest.Source("@mediapipe/holistic", "0.5",
                "0"), "test", "2026-12-03T00:00:00Z", entries).write(dir.resolve(ModelDirectory.MANIFEST));
        return dir;
    }

    @Test
    void exportModelWritesTheGraphAndItsCard() {
        Path onnx = root.resolve("out/gestures.onnx");
        CliRunner runner = new CliRunner();
        int exit = runner.run("export-model", project.toString(), "--format", "onnx", "--out", onnx.toString());
        assertEquals(0, exit, runner.err());
        assertTrue(runner.out().contains("gestures.json (model card)"), runner.out());
        OnnxModelCard card = OnnxModelCard.read(OnnxExporter.cardFile(onnx));
        assertEquals(List.of("up", "Let's go", "i'm fine"), card.classes());
        assertEquals("keypoints", card.input());
        assertEquals(0.8, card.threshold());
    }

    @Test
    void exportModelRefusesAProjectWithoutAModelAndUnknownFormats() throws IOException {
        Path empty = root.resolve("empty");
        try (Project p = Project.create(empty, "empty", List.of("a", "b"))) {
            assertTrue(p.classNames().size() == 2);
        }
        CliRunner runner = new CliRunner();
        assertEquals(1, runner.run("export-model", empty.toString(), "--format", "onnx", "--out",
                root.resolve("x.onnx").toString()));
        assertTrue(runner.err().contains("no trained model yet"), runner.err());
        CliRunner tflite = new CliRunner();
        assertEquals(2, tflite.run("export-model", project.toString(), "--format", "tflite", "--out", "x.tflite"));
        assertTrue(tflite.err().contains("onnx") || tflite.err().contains("ONNX"), tflite.err());
    }

    @Test
    void exportBundleWritesModelsChecksumsExamplesAndReadme() throws IOException {
        Path bundle = root.resolve("bundle");
        CliRunner runner = new CliRunner();
        int exit = runner.run("export-bundle", project.toString(), "--out", bundle.toString(), "--models",
                models.toString());
        assertEquals(0, exit, runner.err());
        for (MediaPipeModel model : MediaPipeModel.values()) {
            assertTrue(Files.isRegularFile(bundle.resolve("mediapipe").resolve(model.onnxFileName())));
        }
        for (String file : List.of("classifier.onnx", "classifier.json", "README.md", "example/clip.npy",
                "example/recognize.mjs", "example/recognize.py", "mediapipe/manifest.json")) {
            assertTrue(Files.isRegularFile(bundle.resolve(file)), file);
        }
        List<String> sums = Files.readAllLines(bundle.resolve(BundleExporter.CHECKSUMS));
        assertEquals(17, sums.size(), String.join("\n", sums));
        for (String line : sums) {
            String[] parts = line.split("  ", 2);
            assertEquals(parts[0], Checksums.sha256(bundle.resolve(parts[1])), parts[1]);
        }
        String readme = Files.readString(bundle.resolve("README.md"));
        assertTrue(readme.contains("npm install --ignore-scripts onnxruntime-node"), readme);
        assertTrue(readme.contains("labelled up") || readme.contains("labelled Let's go")
                || readme.contains("labelled i'm fine"), readme);
    }

    @Test
    void exportBundleRefusesDamagedModelsAndLeavesNothing() throws IOException {
        Path damaged = fakeModelDirectory(root.resolve("damaged-models"));
        Files.writeString(damaged.resolve(MediaPipeModel.FACE_LANDMARK.onnxFileName()), "changed");
        Path bundle = root.resolve("bundle-damaged");
        CliRunner runner = new CliRunner();
        assertEquals(1, runner.run("export-bundle", project.toString(), "--out", bundle.toString(), "--models",
                damaged.toString()));
        assertTrue(runner.err().contains("does not match its checksum"), runner.err());
        assertFalse(Files.exists(bundle));
        assertFalse(Files.exists(root.resolve(".bundle-damaged.partial")));
        CliRunner missing = new CliRunner();
        assertEquals(1, missing.run("export-bundle", project.toString(), "--out", bundle.toString(), "--models",
                root.resolve("nowhere").toString()));
        assertTrue(missing.err().contains("models install"), missing.err());
    }

    @Test
    void theDocsCarryTheBundledExamplesVerbatim() throws IOException {
        String docs = Files.readString(Path.of("docs", "deploy.md"), StandardCharsets.UTF_8);
        assertTrue(docs.contains(BundleExporter.exampleScript("recognize.mjs").strip()), "docs/deploy.md has the "
                + "Node.js example as bundled");
        assertTrue(docs.contains(BundleExporter.exampleScript("recognize.py").strip()), "docs/deploy.md has the "
                + "Python example as bundled");
    }

    @Test
    void theNodeExampleRunsTheBundleAndAgreesWithDjl() throws Exception {
        assumeTrue(commandWorks("node", "--version"), "node is not installed; skipping the Node.js example");
        Path bundle = root.resolve("bundle-node");
        CliRunner runner = new CliRunner();
        assertEquals(0, runner.run("export-bundle", project.toString(), "--out", bundle.toString(), "--models",
                models.toString()), runner.err());
        if (!Files.isDirectory(bundle.resolve("node_modules/onnxruntime-node"))) {
            assumeTrue(commandWorks("npm", "--version"), "npm is not installed; skipping the Node.js example");
            Process install = new ProcessBuilder("npm", "install", "--ignore-scripts", "--no-audit", "--no-fund",
                    "onnxruntime-node@1.21.0").directory(bundle.toFile()).redirectErrorStream(true).start();
            String log = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean finished = install.waitFor(5, TimeUnit.MINUTES);
            assumeTrue(finished && install.exitValue() == 0, "npm could not install onnxruntime-node (offline?); "
                    + "skipping the Node.js example:\n" + log);
        }
        Process node = new ProcessBuilder("node", "example/recognize.mjs", "example/clip.npy")
                .directory(bundle.toFile()).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(2, TimeUnit.MINUTES), "node finished");
        assertEquals(0, node.exitValue(), output);

        Map<String, Double> printed = new HashMap<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("  ") && line.contains("\t")) {
                String[] parts = line.strip().split("\t");
                printed.put(parts[0], Double.parseDouble(parts[1]));
            }
        }
        float[][] clip = Npy.read(bundle.resolve("example/clip.npy")).toMatrix();
        try (SequenceClassifier classifier = SequenceClassifier.load(ModelStore.current(project).orElseThrow())) {
            float[] expected = classifier.predict(java.util.Collections.singletonList(clip))[0];
            assertEquals(expected.length, printed.size(), output);
            for (int c = 0; c < expected.length; c++) {
                String name = classifier.classes().get(c);
                assertEquals(expected[c], printed.get(name), 1e-4, name + " in\n" + output);
            }
        }
        assertTrue(output.startsWith("Recognized: ") || output.startsWith("No gesture above"), output);
    }

    private static boolean commandWorks(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
