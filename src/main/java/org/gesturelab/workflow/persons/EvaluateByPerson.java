package org.gesturelab.workflow.persons;

import java.util.List;
import java.util.Optional;

import org.gesturelab.classify.Evaluation;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.Project;
import org.gesturelab.workflow.EvaluateModel;

/**
 * Scoring the project's current model on its test clips person by person, as {@code gesturelab evaluate
 * --by-person} does it.
 */
public final class EvaluateByPerson {

    private EvaluateByPerson() {
    }

    /**
     * Evaluates the current model per person.
     *
     * @param project the open project
     * @param monitor progress and cancellation
     * @return the scores, or empty when the project has no test clips of a named person
     * @throws org.gesturelab.core.GestureLabException when there is no current model or it does not fit the
     *     project
     */
    public static Optional<PersonScores> run(Project project, TaskMonitor monitor) {
        List<Clip> test = project.clips(ClipState.TEST);
        if (test.stream().allMatch(clip -> clip.person() == null)) {
            return Optional.empty();
        }
        EvaluateModel.Predictions predictions = EvaluateModel.predictWithCurrentModel(project, test, monitor);
        LabeledClips clips = predictions.clips();
        int[] predicted = Evaluation.argmax(predictions.probabilities());
        return Optional.of(PersonScores.of(clips.classes(), test.stream().map(Clip::person).toList(),
                clips.labels(), predicted));
    }
}
