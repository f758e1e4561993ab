package org.gesturelab.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The driver's Hadoop configuration (file system settings such as S3 credentials passed as
 * {@code --conf spark.hadoop.*}) carried to the executors: {@link Configuration} is Writable but not Serializable.
 */
final class HadoopConf implements Serializable {

    private static final long serialVersionUID = 1L;

    private final byte[] bytes;
    private transient Configuration configuration;

    HadoopConf(Configuration configuration) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(out)) {
            configuration.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.bytes = out.toByteArray();
        this.configuration = configuration;
    }

    /** Returns the configuration, rebuilt once per deserialized copy. */
    synchronized Configuration get() {
        if (configuration == null) {
            Configuration restored = new Configuration(false);
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
                restored.readFields(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            configuration = restored;
        }
        return configuration;
    }

    /**
     * Returns the file system of a path; the local one without Hadoop's checksum files ({@code .NAME.crc}), which
     * {@code gesturelab extract} does not write either.
     *
     * @param path the path
     * @return its file system
     * @throws IOException if it cannot be reached
     */
    FileSystem fileSystem(Path path) throws IOException {
        FileSystem fs = path.getFileSystem(get());
        return fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs;
    }

    /** Returns whether a path is on this machine's disk, so the video is read and the outputs written in place. */
    static boolean isLocal(FileSystem fs) {
        return "file".equals(fs.getUri().getScheme());
    }
}
