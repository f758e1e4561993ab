package org.gesturelab.mediapipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelZoo;
import ai.djl.repository.zoo.ZooModel;
import ai.onnx.proto.OnnxMl;
import org.gesturelab.core.GestureLabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GestureLabModelZooTest {

    @TempDir
    Path modelDir;

    @Test
    void isRegisteredWithEveryModel() {
        ModelZoo zoo = ModelZoo.getModelZoo(GestureLabModelZoo.GROUP_ID);
        assertTrue(zoo instanceof GestureLabModelZoo, "registered through META-INF/services: " + zoo);
        for (MediaPipeModel model : MediaPipeModel.values()) {
            assertEquals(model.artifactId(), zoo.getModelLoader(model.artifactId()).getArtifactId());
        }
    }

    @Test
    void aMissingModelSaysToRunModelsInstall() {
        Criteria<NDList, NDList> criteria = criteria("pose_landmark_full");
        GestureLabException e = assertThrows(GestureLabException.class, criteria::loadModel);
        assertTrue(e.getMessage().contains("pose_landmark_full is not installed"), e.getMessage());
        assertTrue(e.getMessage().contains("Run 'gesturelab models install' --dir " + modelDir), e.getMessage());
    }

    @Test
    void loadsTheOnnxFileFromTheModelDirectoryOnOnnxRuntime() throws Exception {
        // The installed hand_recrop (its bytes pinned in MediaPipeModel) copied into an empty folder shows what the
        // zoo does: find the file, open it on ONNX Runtime, run it through the criteria's translator.
        Files.copy(InstalledModels.require("hand_recrop.onnx"), modelDir.resolve("hand_recrop.onnx"));
        Criteria<NDList, NDList> criteria = criteria("hand_recrop");
        assertTrue(criteria.isDownloaded());
        try (ZooModel<NDList, NDList> model = criteria.loadModel();
                Predictor<NDList, NDList> predictor = model.newPredictor();
                NDManager manager = NDManager.newBaseManager("OnnxRuntime")) {
            assertEquals("OnnxRuntime", model.getNDManager().getEngine().getEngineName());
            NDList out = predictor.predict(new NDList(manager.zeros(new Shape(1, 256, 256, 3))));
            assertEquals(new Shape(1, 1, 1, 4), out.singletonOrThrow().getShape());
        }
        assertFalse(criteria("face_landmark").isDownloaded());
    }

    @Test
    void aModelThatIsNotThePinnedFileIsRefused() throws Exception {
        // A valid ONNX graph (y = x + 0.5) under a model's name: ONNX Runtime would run it, the pin refuses it.
        Files.write(modelDir.resolve("hand_recrop.onnx"), addHalfModel().toByteArray());
        GestureLabException e = assertThrows(GestureLabException.class, criteria("hand_recrop")::loadModel);
        assertTrue(e.getMessage().contains("reinstall the models"), e.getMessage());
    }

    private Criteria<NDList, NDList> criteria(String artifactId) {
        return Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optGroupId(GestureLabModelZoo.GROUP_ID)
                .optArtifactId(artifactId)
                .optArgument(GestureLabModelZoo.MODEL_DIR, modelDir)
                .build();
    }

    private static OnnxMl.ModelProto addHalfModel() {
        OnnxMl.TypeProto floatRow = OnnxMl.TypeProto.newBuilder().setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                .setElemType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
                .setShape(OnnxMl.TensorShapeProto.newBuilder()
                        .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(1))
                        .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(4)))).build();
        OnnxMl.GraphProto graph = OnnxMl.GraphProto.newBuilder()
                .setName("add_half")
                .addInput(OnnxMl.ValueInfoProto.newBuilder().setName("x").setType(floatRow))
                .addOutput(OnnxMl.ValueInfoProto.newBuilder().setName("y").setType(floatRow))
                .addInitializer(OnnxMl.TensorProto.newBuilder().setName("half")
                        .setDataType(OnnxMl.TensorProto.DataType.FLOAT.getNumber()).addDims(1).addFloatData(0.5f))
                .addNode(OnnxMl.NodeProto.newBuilder().setOpType("Add").addInput("x").addInput("half")
                        .addOutput("y"))
                .build();
        return OnnxMl.ModelProto.newBuilder().setIrVersion(8).setProducerName("GestureLabModelZooTest")
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setVersion(13)).setGraph(graph).build();
    }
}
