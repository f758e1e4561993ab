package org.gesturelab.mediapipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.mediapipe.ModelManifest.Entry;
import org.gesturelab.mediapipe.ModelManifest.FileDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 item 4: a converted model with one flipped byte is refused before use, and a manifest edited to match
 * the tampered file does not help, because the pins live in the code.
 */
class OnnxIntegrityTest {

    @TempDir
    Path copy;

    @Test
    void everyInstalledModelMatchesItsPin() throws IOException {
        Path installed = InstalledModels.require();
        for (MediaPipeModel model : MediaPipeModel.values()) {
            assertEquals(model.onnxSha256(), Checksums.sha256(installed.resolve(model.onnxFileName())),
                    model.onnxFileName() + ": the converter no longer writes the pinned bytes");
        }
    }

    @Test
    void aFlippedByteIsRefusedWhenTheModelIsLoaded() throws Exception {
        Path onnx = copyOf("hand_recrop.onnx");
        try (ZooModel<NDList, NDList> intact = criteria("hand_recrop").loadModel()) {
            assertEquals("hand_recrop", intact.getName());
        }
        flipOneByte(onnx);
        GestureLabException e = assertThrows(GestureLabException.class, criteria("hand_recrop")::loadModel);
        assertTrue(e.getMessage().contains("reinstall the models"), e.getMessage());
        assertTrue(e.getMessage().contains(onnx.toString()), e.getMessage());
    }

    @Test
    void aManifestEditedToMatchATamperedFileDoesNotHelp() throws IOException {
        Path installed = InstalledModels.require();
        for (String name : installedFileNames(installed)) {
            Files.createLink(copy.resolve(name), installed.resolve(name));
        }
        Path onnx = copy.resolve("face_landmark.onnx");
        Files.delete(onnx);
        Files.copy(installed.resolve("face_landmark.onnx"), onnx);
        flipOneByte(onnx);
        ModelManifest manifest = ModelManifest.read(installed.resolve(ModelDirectory.MANIFEST));
        List<Entry> entries = new ArrayList<>();
        for (Entry entry : manifest.models()) {
            entries.add(!entry.artifactId().equals("face_landmark") ? entry : new Entry(entry.artifactId(),
                    entry.tflite(), new FileDigest(entry.onnx().file(), Files.size(onnx), Checksums.sha256(onnx)),
                    entry.inputs(), entry.outputs()));
        }
        Files.delete(copy.resolve(ModelDirectory.MANIFEST));
        new ModelManifest(manifest.formatVersion(), manifest.source(), manifest.converter(), manifest.installedAt(),
                entries).write(copy.resolve(ModelDirectory.MANIFEST));

        InstallStatus status = new ModelInstaller().status(copy);
        assertEquals(InstallStatus.State.CORRUPT, status.state(), status.toString());
        assertTrue(status.detail().contains("face_landmark.onnx"), status.detail());
        GestureLabException e = assertThrows(GestureLabException.class, criteria("face_landmark")::loadModel);
        assertTrue(e.getMessage().contains("reinstall the models"), e.getMessage());
    }

    @Test
    void aDamagedManifestIsReportedAsDamagedNotAsEveryModelMissing() throws IOException {
        Files.writeString(copy.resolve(ModelDirectory.MANIFEST), "{\"formatVersion\": 1, \"models\": [");
        GestureLabException e = assertThrows(GestureLabException.class, () -> new ModelVerifier().verify(copy,
                VerificationImages.generated(1, 64, 48, 5), "1 generated", org.gesturelab.core.TaskMonitor.SILENT));
        assertTrue(e.getMessage().contains("manifest.json is damaged"), e.getMessage());
        InstallStatus status = new ModelInstaller().status(copy);
        assertEquals(InstallStatus.State.CORRUPT, status.state());
        assertTrue(status.detail().contains("cannot be read"), status.detail());
    }

    private Path copyOf(String name) throws IOException {
        Path target = copy.resolve(name);
        Files.copy(InstalledModels.require(name), target);
        return target;
    }

    private static List<String> installedFileNames(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static void flipOneByte(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        // A byte deep in the weights: the graph stays loadable, only the numbers change.
        bytes[bytes.length * 3 / 4] ^= 0x01;
        Files.write(file, bytes);
    }

    private Criteria<NDList, NDList> criteria(String artifactId) {
        return Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optGroupId(GestureLabModelZoo.GROUP_ID)
                .optArtifactId(artifactId)
                .optArgument(GestureLabModelZoo.MODEL_DIR, copy)
                .build();
    }
}
