package org.gesturelab.classify.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gesturelab.SharedData;
import org.gesturelab.classify.Architecture;
import org.gesturelab.classify.ClassifierTrainer;
import org.gesturelab.classify.FeatureExtractor;
import org.gesturelab.classify.LeadingArm;
import org.gesturelab.classify.FeatureSubset;
import org.gesturelab.classify.SequenceClassifier;
import org.gesturelab.classify.TestData;
import org.gesturelab.classify.TrainingConfig;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.KeypointLayout;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.core.TaskMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * Exports trained classifiers to ONNX and runs them on ONNX Runtime: the probabilities must equal the DJL model's
 * within 1e-4 on every clip, for each network design, on clips of other lengths than the model's (resampling in the
 * graph), with missing hands, a missing pose and a single frame, and on real holistic clips with a face.
 */
class OnnxExportTest {

    private static final double TOLERANCE = 1e-4;

    @TempDir
    Path temp;

    @Test
    void defaultNetworkMatchesOnSyntheticClips() throws Exception {
        checkArchitecture(Architecture.DEFAULT);
    }

    @Test
    void gruNetworkMatchesOnSyntheticClips() throws Exception {
        checkArchitecture(Architecture.GRU);
    }

    @Test
    void tcnNetworkWithConvolutionsMatchesOnSyntheticClips() throws Exception {
        checkArchitecture(Architecture.TCN);
    }

    @Test
    void referenceNetworkMatchesOnSyntheticClips() throws Exception {
        checkArchitecture(Architecture.REFERENCE);
    }

    @Test
    void liteNetworkWithBatchNormMatchesOnSyntheticClips() throws Exception {
        checkArchitecture(Architecture.LITE);
    }

    @Test
    void defaultNetworkMatchesOnRealHolisticClipsWithFaces() throws Exception {
        Path mpData = SharedData.require("asl6-holistic/MP_Data");
        LabeledClips data = TestData.readMpData(mpData, null, 6);
        TrainingConfig config = TrainingConfig.defaults().withSubset(FeatureSubset.ALL).withMaxEpochs(4);
        try (SequenceClassifier classifier = ClassifierTrainer.train(data, config, null, TaskMonitor.SILENT)) {
            Path onnx = temp.resolve("asl6.onnx");
            OnnxExporter.export(classifier, "test", onnx, 0.8, TaskMonitor.SILENT);
            double worst = compare(classifier, onnx, data.clips(), true);
            System.out.printf("asl6 (face, 30 frames, batch %d): max |ONNX - DJL| = %.3g%n", data.size(), worst);
        }
    }

    @Test
    void canonicalSideMatchesOnRealHolisticClipsAndTheirMirrorImages() throws Exception {
        Path mpData = SharedData.require("asl6-holistic/MP_Data");
        LabeledClips data = TestData.readMpData(mpData, null, 4);
        TrainingConfig config = TrainingConfig.defaults().withSubset(FeatureSubset.ALL).withMaxEpochs(4)
                .withCanonicalSide(true);
        try (SequenceClassifier classifier = ClassifierTrainer.train(data, config, null, TaskMonitor.SILENT)) {
            assertEquals(FeatureExtractor.VERSION, classifier.card().featureVersion());
            Path onnx = temp.resolve("asl6-canonical.onnx");
            OnnxExporter.export(classifier, "test", onnx, 0.8, TaskMonitor.SILENT);
            List<float[][]> clips = new ArrayList<>(data.clips());
            data.clips().forEach(clip -> clips.add(TestData.mirrorImage(clip)));
            // Both branches of the graph's choice must be taken, in one batch.
            long leftLeads = clips.stream().filter(LeadingArm::isLeft).count();
            assertTrue(leftLeads > 0 && leftLeads < clips.size(), leftLeads + " of " + clips.size());
            double worst = compare(classifier, onnx, clips, true);
            System.out.printf("asl6, canonical side (%d of %d clips mirrored): max |ONNX - DJL| = %.3g%n", leftLeads,
                    clips.size(), worst);
        }
    }

    @Test
    void canonicalSideMatchesOnAwkwardClips() throws Exception {
        LabeledClips train = TestData.synthetic(3, 10, 11);
        TrainingConfig config = TrainingConfig.defaults().withMaxEpochs(6).withCanonicalSide(true);
        try (SequenceClassifier classifier = ClassifierTrainer.train(train, config, null, TaskMonitor.SILENT)) {
            Path onnx = temp.resolve("canonical.onnx");
            OnnxExporter.export(classifier, "test", onnx, 0.8, TaskMonitor.SILENT);
            List<float[][]> clips = new ArrayList<>(TestData.synthetic(3, 4, 12).clips());
            clips.addAll(awkwardClips(clips.get(0)));
            List<float[][]> mirrored = clips.stream().map(TestData::mirrorImage).toList();
            clips.addAll(mirrored);
            compare(classifier, onnx, clips, false);
        }
    }

    @Test
    void refusesModelsOfAnotherFeatureVersion() throws Exception {
        LabeledClips data = TestData.synthetic(2, 6, 5);
        try (SequenceClassifier classifier = ClassifierTrainer.train(data,
                TrainingConfig.defaults().withMaxEpochs(1), null, TaskMonitor.SILENT)) {
            Path folder = temp.resolve("model");
            classifier.save(folder);
            Path cardFile = folder.resolve("model-card.json");
            Files.writeString(cardFile, Files.readString(cardFile).replace("\"feature_version\" : 1",
                    "\"feature_version\" : 7"));
            GestureLabException e = assertThrows(GestureLabException.class,
                    () -> OnnxExporter.export(folder, temp.resolve("x.onnx"), 0.8, TaskMonitor.SILENT));
            assertTrue(e.getMessage().contains("feature version 7"), e.getMessage());
        }
    }

    private void checkArchitecture(Architecture architecture) throws Exception {
        LabeledClips train = TestData.synthetic(3, 10, 11);
        TrainingConfig config = TrainingConfig.defaults().withArchitecture(architecture).withMaxEpochs(6);
        try (SequenceClassifier classifier = ClassifierTrainer.train(train, config, null, TaskMonitor.SILENT)) {
            Path folder = temp.resolve(architecture.id());
            classifier.save(folder);
            Path onnx = temp.resolve(architecture.id() + ".onnx");
            OnnxExporter.Result result = OnnxExporter.export(folder, onnx, 0.75, TaskMonitor.SILENT);
            OnnxModelCard card = OnnxModelCard.read(result.card());
            assertEquals(classifier.classes(), card.classes());
            assertEquals(30, card.frames());
            assertEquals(0.75, card.threshold());
            assertEquals(OnnxExporter.sha256(Files.readAllBytes(onnx)), card.sha256());

            List<float[][]> clips = new ArrayList<>(TestData.synthetic(3, 4, 12).clips());
            clips.addAll(awkwardClips(clips.get(0)));
            double worst = compare(classifier, onnx, clips, false);
            System.out.printf("%s: %d clips, %d nodes, %d bytes, max |ONNX - DJL| = %.3g%n", architecture.id(),
                    clips.size(), result.nodes(), result.bytes(), worst);
        }
    }

    /** Clips that take the rarely used branches: no pose, coinciding shoulders, one frame, no parts at all. */
    private static List<float[][]> awkwardClips(float[][] template) {
        List<float[][]> out = new ArrayList<>();
        float[][] noPose = copy(template);
        for (float[] frame : noPose) {
            java.util.Arrays.fill(frame, KeypointLayout.POSE_OFFSET, KeypointLayout.POSE_LENGTH, 0f);
        }
        out.add(noPose);
        float[][] sameShoulders = copy(template);
        for (float[] frame : sameShoulders) {
            frame[12 * 4] = frame[11 * 4];
            frame[12 * 4 + 1] = frame[11 * 4 + 1];
        }
        out.add(sameShoulders);
        out.add(new float[][] {template[0].clone()});
        out.add(new float[30][KeypointLayout.FEATURES]);
        float[][] flickering = copy(template);
        for (int t = 0; t < flickering.length; t += 3) {
            java.util.Arrays.fill(flickering[t], KeypointLayout.RIGHT_HAND_OFFSET, KeypointLayout.FEATURES, 0f);
        }
        out.add(flickering);
        return out;
    }

    private static float[][] copy(float[][] clip) {
        float[][] out = new float[clip.length][];
        for (int t = 0; t < clip.length; t++) {
            out[t] = clip[t].clone();
        }
        return out;
    }

    /**
     * Runs every clip through both runtimes (one at a time, as clips differ in length; also as one batch when they
     * are all equally long) and asserts equality within the tolerance.
     *
     * @return the largest difference seen
     */
    private static double compare(SequenceClassifier classifier, Path onnx, List<float[][]> clips, boolean batch)
            throws OrtException {
        float[][] expected = classifier.predict(clips);
        double worst = 0;
        double spread = 0;
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            try (OrtSession session = environment.createSession(onnx.toString(), options)) {
                for (int i = 0; i < clips.size(); i++) {
                    float[][] actual = run(environment, session, java.util.Collections.singletonList(clips.get(i)));
                    worst = Math.max(worst, maxDifference(expected[i], actual[0], "clip " + i));
                    for (float p : expected[i]) {
                        spread = Math.max(spread, Math.abs(p - 1.0 / expected[i].length));
                    }
                }
                if (batch) {
                    float[][] actual = run(environment, session, clips);
                    for (int i = 0; i < clips.size(); i++) {
                        worst = Math.max(worst, maxDifference(expected[i], actual[i], "batched clip " + i));
                    }
                }
            }
        }
        // A network that answered the same for everything would make equality meaningless.
        assertTrue(spread > 0.05, "the DJL model's probabilities are all near uniform (" + spread + ")");
        return worst;
    }

    private static float[][] run(OrtEnvironment environment, OrtSession session, List<float[][]> clips)
            throws OrtException {
        int frames = clips.get(0).length;
        FloatBuffer data = FloatBuffer.allocate(clips.size() * frames * KeypointLayout.FEATURES);
        for (float[][] clip : clips) {
            for (float[] frame : clip) {
                data.put(frame);
            }
        }
        data.flip();
        try (OnnxTensor input = OnnxTensor.createTensor(environment, data,
                new long[] {clips.size(), frames, KeypointLayout.FEATURES});
                OrtSession.Result result = session.run(Map.of(OnnxExporter.INPUT, input))) {
            return (float[][]) result.get(0).getValue();
        }
    }

    private static double maxDifference(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        double worst = 0;
        for (int c = 0; c < expected.length; c++) {
            worst = Math.max(worst, Math.abs(expected[c] - actual[c]));
        }
        assertTrue(worst <= TOLERANCE, what + ": ONNX differs from DJL by " + worst + " (expected "
                + java.util.Arrays.toString(expected) + ", got " + java.util.Arrays.toString(actual) + ")");
        return worst;
    }
}
