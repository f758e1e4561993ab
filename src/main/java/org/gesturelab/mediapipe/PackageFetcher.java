package org.gesturelab.mediapipe;

import java.io.IOException;
import java.nio.file.Path;

import org.gesturelab.core.TaskMonitor;

/** Obtains a package's tarball, for {@link ModelInstaller}: in production {@link NpmPack}. */
@FunctionalInterface
public interface PackageFetcher {

    /**
     * Fetches the tarball into a folder.
     *
     * @param modelPackage the package to fetch
     * @param workDir an empty folder for the tarball and any scratch files; removed by the caller afterwards
     * @param monitor progress and cancellation
     * @return the tarball, inside {@code workDir}
     * @throws IOException if the tarball cannot be written
     * @throws org.gesturelab.core.GestureLabException if the package cannot be fetched, saying why and what to do
     */
    Path fetch(ModelPackage modelPackage, Path workDir, TaskMonitor monitor) throws IOException;
}
