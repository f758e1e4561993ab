package org.gesturelab.mediapipe;

import org.gesturelab.mediapipe.convert.TensorSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What {@code manifest.json} in the model directory records: where the models came from, the SHA-256 of every
 * file, and each model's input and output tensors.
 *
 * @param formatVersion {@link #FORMAT_VERSION} when written by this version of GestureLab
 * @param source the npm package the models came from
 * @param converter the converter that wrote the ONNX files, with its version
 * @param installedAt when they were installed, ISO-8601
 * @param models one entry per model
 */
public record ModelManifest(int formatVersion, Source source, String converter, String installedAt,
        List<Entry> models) {

    /** The manifest format this class reads and writes. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Copies the model list so the record stays immutable. */
    public ModelManifest {
        models = List.copyOf(models);
    }

    /**
     * The package the models came from.
     *
     * @param packageName the npm package name
     * @param version its version
     * @param tarballSha256 the SHA-256 of its tarball
     */
    public record Source(@JsonProperty("package") String packageName, String version, String tarballSha256) {
    }

    /**
     * A file in the model directory.
     *
     * @param file its name
     * @param size its length in bytes
     * @param sha256 its SHA-256
     */
    public record FileDigest(String file, long size, String sha256) {
    }

    /**
     * One installed model.
     *
     * @param artifactId the model's id
     * @param tflite the original model
     * @param onnx the converted model
     * @param inputs the ONNX model's inputs
     * @param outputs the ONNX model's outputs
     */
    public record Entry(String artifactId, FileDigest tflite, FileDigest onnx, List<TensorSpec> inputs,
            List<TensorSpec> outputs) {

        /** Copies the lists so the record stays immutable. */
        public Entry {
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
        }
    }

    /**
     * Finds a model's entry.
     *
     * @param artifactId the model's id
     * @return its entry, if the manifest has one
     */
    public Optional<Entry> entry(String artifactId) {
        return models.stream().filter(e -> e.artifactId().equals(artifactId)).findFirst();
    }

    /**
     * Reads a manifest.
     *
     * @param file the JSON file
     * @return the manifest
     * @throws IOException if it cannot be read or parsed
     */
    public static ModelManifest read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), ModelManifest.class);
    }

    /**
     * Writes this manifest.
     *
     * @param file the JSON file to create or replace
     * @throws IOException if it cannot be written
     */
    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }
}
