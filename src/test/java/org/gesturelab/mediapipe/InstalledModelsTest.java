package org.gesturelab.mediapipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import org.gesturelab.core.TaskMonitor;
import org.junit.jupiter.api.Test;

/** The real installation: complete, a no-op the second time, and loadable through the model zoo. */
class InstalledModelsTest {

    @Test
    void installationIsCompleteAndASecondInstallDoesNothing() {
        Path dir = InstalledModels.require();
        ModelInstaller installer = new ModelInstaller();
        InstallStatus status = installer.status(dir);
        assertTrue(status.isInstalled(), status.toString());
        ModelManifest manifest = status.manifest().orElseThrow();
        assertEquals(MediaPipeModel.values().length, manifest.models().size());
        assertEquals(ModelPackage.HOLISTIC.tarballSha256(), manifest.source().tarballSha256());

        InstallResult again = installer.install(dir, Optional.empty(), TaskMonitor.SILENT);
        assertTrue(again.alreadyInstalled());
    }

    @Test
    void theZooLoadsTheDefaultDirectoryAndOutputsMatchTheManifest() throws Exception {
        Path dir = InstalledModels.require();
        ModelManifest.Entry entry = ModelManifest.read(dir.resolve(ModelDirectory.MANIFEST))
                .entry("pose_landmark_full").orElseThrow();
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optGroupId(GestureLabModelZoo.GROUP_ID)
                .optArtifactId("pose_landmark_full")
                .build();
        try (ZooModel<NDList, NDList> model = criteria.loadModel();
                Predictor<NDList, NDList> predictor = model.newPredictor();
                NDManager manager = NDManager.newBaseManager("OnnxRuntime")) {
            int[] in = entry.inputs().get(0).shape();
            NDList out = predictor.predict(new NDList(manager.zeros(new Shape(in[0], in[1], in[2], in[3]))));
            assertEquals(entry.outputs().size(), out.size());
            for (int i = 0; i < out.size(); i++) {
                assertArrayEquals(entry.outputs().get(i).shape(), toInts(out.get(i).getShape()),
                        entry.outputs().get(i).name());
            }
        }
    }

    private static int[] toInts(Shape shape) {
        int[] dims = new int[shape.dimension()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = (int) shape.get(i);
        }
        return dims;
    }
}
