package org.gesturelab.active;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gesturelab.core.LabeledClips;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.LabelSource;
import org.gesturelab.dataset.Project;

/**
 * The loop's data in a project: training clips are the project's {@code TRAIN} clips, the test split its
 * {@code TEST} clips, the pool its {@code POOL} and {@code SKIPPED} clips. Labels are written as label events (so
 * they can be undone), and every query batch and iteration is stored in the project.
 */
public final class StoredLabelingData implements LabelingData {

    private final Project project;
    private final String session;
    private final LabelSource source;
    private final Map<Long, float[][]> keypoints = new HashMap<>();
    private final Map<Integer, Long> batchIds = new HashMap<>();
    private LabeledClips test;
    private int nextIterationNumber;

    /**
     * Wraps a project.
     *
     * @param project the open project
     * @param session the iteration series to record into, e.g. {@link org.gesturelab.dataset.Iteration#INTERACTIVE}
     * @param source who gives the labels
     */
    public StoredLabelingData(Project project, String session, LabelSource source) {
        this.project = project;
        this.session = session;
        this.source = source;
        this.nextIterationNumber = nextIterationNumber(project, session);
    }

    /** Returns the project. */
    public Project project() {
        return project;
    }

    @Override
    public LabeledClips labeled() {
        List<Clip> clips = project.clips(ClipState.TRAIN);
        List<float[][]> frames = new ArrayList<>(clips.size());
        int[] labels = new int[clips.size()];
        for (int i = 0; i < clips.size(); i++) {
            frames.add(frames(clips.get(i)));
            labels[i] = clips.get(i).label();
        }
        return new LabeledClips(frames, labels, project.classNames());
    }

    @Override
    public LabeledClips test() {
        if (test == null) {
            // The test split does not change during a session; read it once.
            test = project.labeledClips(ClipState.TEST);
        }
        return test;
    }

    @Override
    public List<PoolClip> pool() {
        List<PoolClip> pool = new ArrayList<>();
        for (Clip clip : project.clips(ClipState.POOL, ClipState.SKIPPED)) {
            pool.add(toPoolClip(clip));
        }
        return pool;
    }

    /**
     * Turns a stored clip into a pool clip; a clip that was not cut from a longer recording is its own recording.
     *
     * @param clip the stored clip
     * @return the pool clip, keypoints loaded (and cached)
     */
    public PoolClip toPoolClip(Clip clip) {
        String recording = clip.recordingId() != null ? "recording-" + clip.recordingId() : "clip-" + clip.id();
        int start = clip.startFrame() != null ? clip.startFrame() : 0;
        return new PoolClip(clip.id(), recording, start, frames(clip));
    }

    private float[][] frames(Clip clip) {
        return keypoints.computeIfAbsent(clip.id(), id -> project.loadKeypoints(clip));
    }

    @Override
    public void apply(List<Labeler.Answer> answers) {
        for (Labeler.Answer answer : answers) {
            if (answer.skipped()) {
                project.skip(answer.clipId(), source);
            } else {
                project.label(answer.clipId(), answer.label(), source);
            }
        }
    }

    @Override
    public void recordBatch(RankedBatch batch) {
        List<org.gesturelab.dataset.QueryBatch.Item> items = new ArrayList<>();
        for (RankedClip clip : batch.clips()) {
            items.add(new org.gesturelab.dataset.QueryBatch.Item(clip.clipId(), clip.score(),
                    clip.why().predicted() >= 0 ? clip.why().predicted() : null));
        }
        org.gesturelab.dataset.QueryBatch stored = project.saveQueryBatch(
                org.gesturelab.dataset.QueryBatch.of(batch.strategy(), null, items));
        batchIds.put(batch.round(), stored.id());
    }

    @Override
    public void recordIteration(CurvePoint point) {
        project.saveIteration(stored(point, session, nextIterationNumber++, batchIds.get(point.round())));
    }

    /**
     * The stored form of a learning-curve point: the project's iteration row, its scores kept in the details.
     *
     * @param point the point
     * @param session the iteration series, e.g. {@link org.gesturelab.dataset.Iteration#INTERACTIVE}
     * @param number its number in the series
     * @param queryBatchId the stored query batch that chose its labels, or null
     * @return the row to store (id 0, no training run)
     */
    public static org.gesturelab.dataset.Iteration stored(CurvePoint point, String session, int number,
            Long queryBatchId) {
        boolean measured = !Double.isNaN(point.macroF1());
        String details = String.format(Locale.ROOT,
                "{\"round\": %d, \"macro_f1\": %s, \"weighted_f1\": %s, \"accuracy\": %s, \"seconds\": %.3f}",
                point.round(), number(point.macroF1()), number(point.weightedF1()), number(point.accuracy()),
                point.seconds());
        return new org.gesturelab.dataset.Iteration(0, session, number, Instant.now(), point.strategy(),
                queryBatchId, null, point.labels(), measured ? point.accuracy() : null, details);
    }

    /**
     * The next free iteration number of a series in a project.
     *
     * @param project the project
     * @param session the series
     * @return one more than the highest stored number, 1 for a new series
     */
    public static int nextIterationNumber(Project project, String session) {
        return project.iterations(session).stream().mapToInt(org.gesturelab.dataset.Iteration::number).max()
                .orElse(0) + 1;
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%.5f", value);
    }
}
