package org.gesturelab.mediapipe;

import java.util.Arrays;
import java.util.List;

/**
 * An npm package that carries MediaPipe models, pinned by version and SHA-256: what {@link ModelInstaller}
 * fetches, checks and unpacks.
 *
 * @param name the npm package name, for example {@code @mediapipe/holistic}
 * @param version the exact version
 * @param tarballSha256 the SHA-256 of the tarball {@code npm pack} produces
 * @param models the models to take from it, each with its pinned SHA-256
 */
public record ModelPackage(String name, String version, String tarballSha256, List<PackagedModel> models) {

    /** The package GestureLab installs: {@code @mediapipe/holistic@0.5.1675471629} with all {@link MediaPipeModel}s. */
    public static final ModelPackage HOLISTIC = new ModelPackage("@mediapipe/holistic", "0.5.1675471629",
            "8a3c0632e40e761e637d020738e96dc54d9bbbd4330ce2b206469fe467fd708b",
            Arrays.stream(MediaPipeModel.values()).map(PackagedModel::of).toList());

    /** Copies the model list so the record stays immutable. */
    public ModelPackage {
        models = List.copyOf(models);
    }

    /** Returns {@code name@version}, the argument {@code npm pack} takes. */
    public String spec() {
        return name + "@" + version;
    }

    /**
     * One model inside a package.
     *
     * @param artifactId the model's id, which names its files ({@code ID.tflite}, {@code ID.onnx})
     * @param tfliteSha256 the pinned SHA-256 of the original {@code .tflite}
     * @param plainFile whether the tarball holds it as {@code package/ID.tflite}; otherwise it sits inside the
     *     packed-assets file at the offsets the loader script lists
     * @param onnxSha256 the pinned SHA-256 of the converted {@code .onnx}, or null where the package's models are
     *     not pinned (test packages)
     */
    public record PackagedModel(String artifactId, String tfliteSha256, boolean plainFile, String onnxSha256) {

        /**
         * Describes a model whose converted file is not pinned.
         *
         * @param artifactId the model's id
         * @param tfliteSha256 the pinned SHA-256 of the original
         * @param plainFile whether the tarball holds it as a plain file
         */
        public PackagedModel(String artifactId, String tfliteSha256, boolean plainFile) {
            this(artifactId, tfliteSha256, plainFile, null);
        }

        /**
         * Describes a catalogue model.
         *
         * @param model the model
         * @return its description
         */
        public static PackagedModel of(MediaPipeModel model) {
            return new PackagedModel(model.artifactId(), model.tfliteSha256(), model.plainFileInPackage(),
                    model.onnxSha256());
        }

        /** Returns {@code ID.tflite}. */
        public String tfliteFileName() {
            return artifactId + ".tflite";
        }

        /** Returns {@code ID.onnx}. */
        public String onnxFileName() {
            return artifactId + ".onnx";
        }
    }
}
