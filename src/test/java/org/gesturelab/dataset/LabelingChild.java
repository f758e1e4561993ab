package org.gesturelab.dataset;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * The child process of {@link CrashSafetyTest}: opens a project and changes labels as fast as it can, printing
 * each change only after the call that made it returned, until it is killed.
 */
public final class LabelingChild {

    private LabelingChild() {
    }

    /**
     * Runs until killed.
     *
     * @param args the project folder and a random seed
     * @throws Exception on any failure (the parent then sees the child end on its own)
     */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, "UTF-8");
        Random random = new Random(Long.parseLong(args[1]));
        try (Project project = Project.open(Path.of(args[0]))) {
            out.println("open " + ProcessHandle.current().pid());
            List<Clip> clips = project.clips(ClipQuery.all());
            int classes = project.classes().size();
            for (int i = 0; ; i++) {
                if (i % 10 == 9) {
                    Clip clip = project.addClip(NewClip.unlabeled(TestClips.random(2, i), "child"));
                    out.println("clip " + clip.id());
                } else if (i % 15 == 14) {
                    for (LabelEvent event : project.undo(1)) {
                        out.println("event " + event.id() + " " + event.clipId() + " " + event.newLabel());
                    }
                } else {
                    Clip clip = clips.get(random.nextInt(clips.size()));
                    LabelEvent event = project.label(clip.id(), random.nextInt(classes), LabelSource.USER);
                    out.println("event " + event.id() + " " + event.clipId() + " " + event.newLabel());
                }
            }
        }
    }
}
