package org.gesturelab.mediapipe;

import java.util.Locale;

/**
 * The MediaPipe Holistic models GestureLab installs, with the SHA-256 of each original {@code .tflite} as extracted
 * from {@code @mediapipe/holistic@0.5.1675471629}.
 *
 * <p>Each model also carries the SHA-256 of its converted {@code .onnx}: GestureLab's converter is deterministic
 * (a reinstall writes byte-identical files), so the converted file is pinned in the code too and checked before
 * every load ({@link OnnxIntegrity}); a manifest edited to match a tampered file does not change these pins.
 *
 * <p>The artifact id ({@link #artifactId()}) names the files in the model directory ({@code ID.tflite},
 * {@code ID.onnx}) and the model in the DJL model zoo.
 */
public enum MediaPipeModel {

    /** Full-body pose detector (224x224), run when the pose is lost. */
    POSE_DETECTION("a63c614bef30d35947f13be361820b1e4e3bec9cfeebf4d11216a18373108e85",
            "949065baab1324f750596c3205f59d51c32c08de72a54ed86d9c7ed1486c780f", false),
    /** Pose landmarks, lite (256x256). */
    POSE_LANDMARK_LITE("f17bfbecadb61c3be1baa8b8d851cc6619c870a87167b32848ad20db306b9d61",
            "75a968e01af871254ac95d5764802e5df52f36f29f6ec230291b2f0afc3ffa60", true),
    /** Pose landmarks, full (256x256): the default. */
    POSE_LANDMARK_FULL("e9a5c5cb17f736fafd4c2ec1da3b3d331d6edbe8a0d32395855aeb2cdfd64b9f",
            "d9a8587d84a02443a30155aca3ee4448bd0e47efe686734ad7e71a63311edbce", true),
    /** Pose landmarks, heavy (256x256). */
    POSE_LANDMARK_HEAVY("59e42d71bcd44cbdbabc419f0ff76686595fd265419566bd4009ef703ea8e1fe",
            "f7535ddea9a07d6ac335e782b3fe83dc0eae89856efd80f3a56775a11e433c5d", true),
    /** Hand landmarks (224x224): 21 points, presence and handedness. */
    HAND_LANDMARK_FULL("8c026882c9ec059ce0f8e75266bee5a9a23c341a40e0000df755374d3d1b9b68",
            "fa9c6715cb938830bea62212ccad474088c3b2e8286dd339ea6305e91d63edb0", false),
    /** Refines a hand region of interest from the pose (256x256). */
    HAND_RECROP("67d996ce96f9d36fe17d2693022c6da93168026ab2f028f9e2365398d8ac7d5d",
            "6ba59c5b406bfe784ee0113ff797df81d36271ba638e0d3dd9543d24b20e7429", false),
    /** Face mesh (192x192): 468 points. */
    FACE_LANDMARK("c603fa6149219a3e9487dc9abd7a0c24474c77263273d24868378cdf40aa26d1",
            "4e7a2d4cef1b2d96a66f08aff9c430648c6f2b33cbeb8b08571332aae84490a5", false),
    /** Short-range face detector (128x128). */
    FACE_DETECTION_SHORT_RANGE("3bc182eb9f33925d9e58b5c8d59308a760f4adea8f282370e428c51212c26633",
            "d5e52f53c2bb95d6a3b0d366faa88d6910446f447cdf108513472dd461a89003", false),
    /** Palm detector, full (192x192). */
    PALM_DETECTION_FULL("2f25e740121983f68ffc05f99991d524dc0ea812134f6316a26125816941ee85",
            "97b41d2cec1a0f53b6a9309dbfb4c88b335e6d363d380771a750f2cc734e5448", false),
    /** Palm detector, lite (192x192). */
    PALM_DETECTION_LITE("e9a4aaddf90dda56a87235303cf00e4c2d3fb28725f68fd88772997dac905c18",
            "ac96527808711fa8261a6e4b4b803e90a79b0aa3a0b1bb03a3f8a88c05091aaa", false);

    private final String tfliteSha256;
    private final String onnxSha256;
    private final boolean plainFileInPackage;

    MediaPipeModel(String tfliteSha256, String onnxSha256, boolean plainFileInPackage) {
        this.tfliteSha256 = tfliteSha256;
        this.onnxSha256 = onnxSha256;
        this.plainFileInPackage = plainFileInPackage;
    }

    /** Returns the artifact id, for example {@code pose_landmark_full}. */
    public String artifactId() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the pinned SHA-256 of the original {@code .tflite}, lower-case hex. */
    public String tfliteSha256() {
        return tfliteSha256;
    }

    /** Returns the pinned SHA-256 of the converted {@code .onnx} this GestureLab writes, lower-case hex. */
    public String onnxSha256() {
        return onnxSha256;
    }

    /**
     * Returns whether the npm package holds this model as a plain file; the others sit inside
     * {@code holistic_solution_packed_assets.data}.
     */
    public boolean plainFileInPackage() {
        return plainFileInPackage;
    }

    /** Returns the file name of the original model, {@code ID.tflite}. */
    public String tfliteFileName() {
        return artifactId() + ".tflite";
    }

    /** Returns the file name of the converted model, {@code ID.onnx}. */
    public String onnxFileName() {
        return artifactId() + ".onnx";
    }

    /**
     * Finds a model by artifact id.
     *
     * @param artifactId for example {@code hand_landmark_full}
     * @return the model
     * @throws IllegalArgumentException if there is no such model
     */
    public static MediaPipeModel fromArtifactId(String artifactId) {
        return valueOf(artifactId.toUpperCase(Locale.ROOT));
    }
}
