package org.gesturelab.app.common;

import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.Project;

/**
 * The replay state shared by view models that replay one clip on demand (Dataset, Train): renders the clip's
 * {@link ClipPictures} in the background and publishes them; a {@link ReplayPane} plays them. When the user picks
 * clips faster than they render, only the last pick is shown.
 */
public final class ClipReplay {

    private final BackgroundExecutor executor;
    private final ReadOnlyObjectWrapper<ClipPictures> pictures = new ReadOnlyObjectWrapper<>(this, "pictures");
    private final ReadOnlyObjectWrapper<Clip> clip = new ReadOnlyObjectWrapper<>(this, "clip");
    private int generation;

    /**
     * Creates the replay state.
     *
     * @param executor renders in the background
     */
    public ClipReplay(BackgroundExecutor executor) {
        this.executor = executor;
    }

    /**
     * Renders a clip in the background and shows it, or clears the replay.
     *
     * @param project the project holding the clip's keypoints, or null to clear
     * @param chosen the clip, or null to clear
     * @param onError told what went wrong when the clip cannot be read
     */
    public void show(Project project, Clip chosen, Consumer<String> onError) {
        int current = ++generation;
        if (project == null || chosen == null) {
            pictures.set(null);
            clip.set(null);
            return;
        }
        executor.submit("Preparing the replay", monitor -> ClipPictures.render(chosen,
                project.loadKeypoints(chosen)), rendered -> {
                    if (current == generation) {
                        // Pictures first: whoever sees the clip change finds its pictures ready.
                        pictures.set(rendered);
                        clip.set(chosen);
                    }
                }, error -> onError.accept("Could not replay clip " + chosen.id() + ": " + error.getMessage()));
    }

    /** Clears the replay. */
    public void clear() {
        show(null, null, message -> { });
    }

    /** Returns the pictures of the clip replayed, or null. */
    public ReadOnlyObjectProperty<ClipPictures> picturesProperty() {
        return pictures.getReadOnlyProperty();
    }

    /** Returns the clip replayed, or null. */
    public ReadOnlyObjectProperty<Clip> clipProperty() {
        return clip.getReadOnlyProperty();
    }
}
