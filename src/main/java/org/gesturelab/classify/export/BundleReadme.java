package org.gesturelab.classify.export;

import java.util.Locale;

import org.gesturelab.mediapipe.ModelManifest;

/** The README of an export bundle: what is inside, and a worked example that the bundle's own files run. */
final class BundleReadme {

    private BundleReadme() {
    }

    static String text(OnnxModelCard card, ModelManifest manifest, BundleExporter.Sample sample) {
        StringBuilder md = new StringBuilder();
        md.append("# GestureLab gesture recognizer\n\n")
                .append("Recognizes ").append(card.classes().size()).append(" gestures (")
                .append(String.join(", ", card.classes())).append(") from MediaPipe Holistic keypoints, with nothing "
                        + "but ONNX Runtime. Exported by GestureLab ").append(card.gesturelabVersion()).append(".\n\n");
        md.append("| file | what |\n|---|---|\n")
                .append("| `classifier.onnx` | the classifier: input `").append(card.input())
                .append("` float32 `[batch, frames, 1662]` (raw keypoints, zeros where a part is absent), output `")
                .append(card.output()).append("` float32 `[batch, ").append(card.classes().size())
                .append("]` class probabilities. Features, resampling to ").append(card.frames())
                .append(" frames and normalisation are inside the graph |\n")
                .append("| `classifier.json` | its model card: classes in output order, frames, keypoint layout, "
                        + "threshold (").append(card.threshold()).append("), test-set figures |\n")
                .append("| `mediapipe/*.onnx`, `mediapipe/manifest.json` | the MediaPipe Holistic models (from `")
                .append(manifest.source() == null ? "@mediapipe/holistic" : manifest.source().packageName() + "@"
                        + manifest.source().version())
                .append("`, Apache-2.0) converted to ONNX, with their tensors and SHA-256 in the manifest |\n")
                .append("| `example/recognize.mjs`, `example/recognize.py` | the worked example below |\n");
        if (sample != null) {
            md.append("| `example/clip.npy` | a keypoint clip from the project (").append(sample.clip().length)
                    .append(" frames x 1662, float32").append(sample.label() == null ? ""
                            : ", labelled " + sample.label()).append(") |\n");
        }
        md.append("| `SHA256SUMS` | checksums of every file: `sha256sum -c SHA256SUMS` |\n\n");

        md.append("## Worked example: one clip through the classifier\n\n")
                .append("Node.js (ONNX Runtime's CPU binaries ship inside the npm package; `--ignore-scripts` skips "
                        + "its optional GPU download):\n\n```bash\n")
                .append("npm install --ignore-scripts onnxruntime-node\n")
                .append("node example/recognize.mjs example/clip.npy\n```\n\n")
                .append("Python:\n\n```bash\npip install onnxruntime numpy\n")
                .append("python example/recognize.py example/clip.npy\n```\n\n");
        if (sample != null && sample.label() != null) {
            md.append("Both print the most likely gesture (this clip is labelled **").append(sample.label())
                    .append("**) and every class's probability.\n\n");
        } else {
            md.append("Both print the most likely gesture and every class's probability.\n\n");
        }
        md.append("## The keypoint layout\n\n")
                .append("One frame is 1662 float32 values, image-normalised (x, y in [0, 1]); zeros where a part was "
                        + "not detected:\n\n| part | offset | values |\n|---|---|---|\n");
        for (OnnxModelCard.LayoutPart part : card.layout()) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d x (%s) |%n", part.part(), part.offset(),
                    part.landmarks(), String.join(", ", part.values())));
        }
        md.append("\nA window of any number of frames works (it is resampled inside the graph), but the model was "
                        + "trained on windows of ").append(card.frames()).append(" frames; for live video slide a "
                        + "window of ").append(card.frames()).append(" frames and name a gesture when its "
                        + "probability passes ").append(card.threshold()).append(".\n\n");
        md.append("## From video to keypoints\n\n")
                .append("`gesturelab extract VIDEO --out DIR` writes exactly these clips (`NAME.npy`, frames x 1662). "
                        + "To compute them elsewhere, chain the MediaPipe models as MediaPipe Holistic does: "
                        + "`pose_detection` (224x224 letterboxed RGB in [-1, 1]) finds the person, `pose_landmark_*` "
                        + "(256x256 crop, RGB in [0, 1]) gives 33 pose landmarks, `hand_recrop` and "
                        + "`hand_landmark_full` the hands, `face_landmark` the 468 face points; "
                        + "`mediapipe/manifest.json` lists every model's input and output tensors.\n");
        return md.toString();
    }
}
