package org.gesturelab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import org.gesturelab.active.Labeler;
import org.gesturelab.active.RankedBatch;
import org.gesturelab.active.RankedClip;

/**
 * Labels queried clips at the terminal, one line per clip, in the style of the original entropy-sampling project:
 * {@code Select action (1: Like, 2: Fire works, 3: Heart, q: Skip, u: Undo, x: Stop):}. Every answer is stored the
 * moment it is typed; the answers it returns are a record of what was stored. Reads from any reader, so a test can
 * type the answers.
 */
final class TerminalLabeler implements Labeler {

    private final BufferedReader in;
    private final PrintWriter out;
    private final List<String> classes;
    private final LongFunction<String> describe;
    private final Consumer<Answer> save;
    private final Supplier<String> undoLastSaved;

    /**
     * Creates the labeler.
     *
     * @param in where the answers come from
     * @param out where prompts go
     * @param classes the class names, numbered from 1 in the prompt
     * @param describe a short description of a clip for the user (where it came from)
     * @param save stores one answer durably the moment it is typed, so that a crash or Ctrl+C loses nothing
     * @param undoLastSaved takes back the last stored answer, of this batch or an earlier one, and says what it
     *     did, or returns null when there is nothing to undo
     */
    TerminalLabeler(BufferedReader in, PrintWriter out, List<String> classes, LongFunction<String> describe,
            Consumer<Answer> save, Supplier<String> undoLastSaved) {
        this.in = in;
        this.out = out;
        this.classes = List.copyOf(classes);
        this.describe = describe;
        this.save = save;
        this.undoLastSaved = undoLastSaved;
    }

    /** Returns the prompt, e.g. {@code Select action (1: Like, 2: Fire works, 3: Heart, q: Skip, u: Undo, x: Stop):}. */
    String prompt() {
        StringBuilder prompt = new StringBuilder("Select action (");
        for (int i = 0; i < classes.size(); i++) {
            prompt.append(i + 1).append(": ").append(classes.get(i)).append(", ");
        }
        return prompt.append("q: Skip, u: Undo, x: Stop):").toString();
    }

    @Override
    public Result label(RankedBatch batch) {
        List<Answer> answers = new ArrayList<>();
        List<RankedClip> clips = batch.clips();
        out.printf(Locale.ROOT, "%nRound %d: %d clips chosen by %s with the current model (%d labels so far).%n",
                batch.round(), clips.size(), batch.strategy(), batch.labelsBefore());
        int i = 0;
        while (i < clips.size()) {
            RankedClip clip = clips.get(i);
            String guess = clip.why().predicted() >= 0 && clip.why().predicted() < classes.size()
                    ? ", model guesses '" + classes.get(clip.why().predicted()) + "'" : "";
            out.printf(Locale.ROOT, "[%d/%d] clip %d (%s)%s; %s%n", i + 1, clips.size(), clip.clipId(),
                    describe.apply(clip.clipId()), guess, clip.why().describe());
            out.print(prompt() + " ");
            out.flush();
            String line = readLine();
            if (line == null) {
                out.println();
                out.println("Input ended: stopping after this batch.");
                return new Result(answers, true);
            }
            String answer = line.trim().toLowerCase(Locale.ROOT);
            switch (answer) {
                case "q" -> {
                    answers.add(saved(new Answer(clip.clipId(), Answer.SKIPPED)));
                    i++;
                }
                case "x" -> {
                    return new Result(answers, true);
                }
                case "u" -> {
                    String undone = undoLastSaved.get();
                    if (i > 0) {
                        answers.remove(answers.size() - 1);
                        i--;
                        out.println("Undone: back to clip " + clips.get(i).clipId() + ".");
                    } else {
                        out.println(undone != null ? undone : "Nothing to undo.");
                    }
                }
                default -> {
                    int choice = parse(answer);
                    if (choice < 1 || choice > classes.size()) {
                        out.println("Type a number from 1 to " + classes.size() + ", q to skip, u to undo or x to "
                                + "stop.");
                    } else {
                        answers.add(saved(new Answer(clip.clipId(), choice - 1)));
                        i++;
                    }
                }
            }
        }
        return new Result(answers, false);
    }

    private Answer saved(Answer answer) {
        save.accept(answer);
        return answer;
    }

    private String readLine() {
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int parse(String answer) {
        try {
            return Integer.parseInt(answer);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
