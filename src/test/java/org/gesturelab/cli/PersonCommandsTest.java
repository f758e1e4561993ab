package org.gesturelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gesturelab.classify.Baseline;
import org.gesturelab.classify.FeatureExtractor;
import org.gesturelab.classify.FeatureSubset;
import org.gesturelab.classify.ModelStore;
import org.gesturelab.classify.TestData;
import org.gesturelab.core.KeypointLayout;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.core.Npy;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.ClipQuery;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.NewClip;
import org.gesturelab.dataset.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Person tags from the command line: imports set them, exports keep them, {@code evaluate --by-person},
 * {@code compare --cv person} and {@code project split --by-person} use them. The expected figures are computed
 * here, independently of the code under test.
 */
class PersonCommandsTest {

    private static final List<String> PEOPLE = List.of("Ann", "Bo", "Cy");

    @TempDir
    Path temp;

    /** A synthetic project: 3 gestures, 4 clips per gesture and person, everything in training. */
    private Path project() throws Exception {
        Path dir = temp.resolve("people");
        try (Project p = Project.create(dir, "people", TestData.synthetic(3, 1, 1).classes())) {
            for (int person = 0; person < PEOPLE.size(); person++) {
                LabeledClips clips = TestData.synthetic(3, 4, 30 + person);
                for (int i = 0; i < clips.size(); i++) {
                    p.addClip(NewClip.labeled(clips.clips().get(i), ClipState.TRAIN, clips.labels()[i], "synthetic")
                            .withPerson(PEOPLE.get(person)));
                }
            }
            // One clip of nobody known: it must never count as a person.
            LabeledClips extra = TestData.synthetic(3, 1, 99);
            p.addClip(NewClip.labeled(extra.clips().get(0), ClipState.TRAIN, extra.labels()[0], "synthetic"));
        }
        return dir;
    }

    @Test
    void splitByPersonNeverPutsOnePersonInBothSplits() throws Exception {
        Path dir = project();
        CliRunner runner = new CliRunner();
        assertEquals(0, runner.run("project", "split", dir.toString(), "--by-person", "--test-persons", "Bo"),
                runner.err());
        assertTrue(runner.out().contains("Test people: Bo; training people: Ann, Cy."), runner.out());
        assertTrue(runner.out().contains("1 labeled clips name no person"), runner.out());
        assertSplit(dir, Set.of("Bo"));
        // Splitting again by other people moves Bo back to training: still nobody in both.
        assertEquals(0, runner.run("project", "split", dir.toString(), "--by-person", "--test-persons", "Ann,Cy"),
                runner.err());
        assertSplit(dir, Set.of("Ann", "Cy"));
        for (long seed = 1; seed <= 5; seed++) {
            assertEquals(0, runner.run("project", "split", dir.toString(), "--by-person", "--test-fraction", "0.3",
                    "--seed", Long.toString(seed)), runner.err());
            try (Project p = Project.open(dir)) {
                Set<String> test = persons(p, ClipState.TEST);
                assertEquals(1, test.size(), "round(3 x 0.3) = 1 person held out");
                assertSplit(dir, test, p);
            }
        }
        CliRunner bad = new CliRunner();
        assertEquals(GestureLabCommand.EXIT_USER_ERROR, bad.run("project", "split", dir.toString(), "--by-person",
                "--test-persons", "Dee"));
        assertTrue(bad.err().contains("Nobody called 'Dee'") && bad.err().contains("Ann, Bo, Cy"), bad.err());
        assertEquals(GestureLabCommand.EXIT_USER_ERROR, bad.run("project", "split", dir.toString(), "--by-person",
                "--test-persons", "Ann,Bo,Cy"));
        assertTrue(bad.err().contains("some people but not all"), bad.err());
        assertEquals(GestureLabCommand.EXIT_USER_ERROR, bad.run("project", "split", dir.toString(),
                "--test-persons", "Ann"));
        assertTrue(bad.err().contains("--test-persons goes with --by-person"), bad.err());
    }

    private static void assertSplit(Path dir, Set<String> expectedTest) throws Exception {
        try (Project p = Project.open(dir)) {
            assertSplit(dir, expectedTest, p);
        }
    }

    private static void assertSplit(Path dir, Set<String> expectedTest, Project p) {
        Set<String> test = persons(p, ClipState.TEST);
        Set<String> train = persons(p, ClipState.TRAIN);
        assertEquals(expectedTest, test);
        Set<String> both = new HashSet<>(test);
        both.retainAll(train);
        assertTrue(both.isEmpty(), "in both splits: " + both);
        assertEquals(37, p.count(ClipQuery.inState(ClipState.TRAIN, ClipState.TEST)), "no clip lost");
        assertTrue(p.clips(ClipState.TEST).stream().allMatch(c -> c.person() != null), "untagged stay in training");
    }

    private static Set<String> persons(Project p, ClipState state) {
        Set<String> persons = new HashSet<>();
        p.clips(state).stream().map(Clip::person).filter(x -> x != null).forEach(persons::add);
        return persons;
    }

    @Test
    void evaluateByPersonMatchesFiguresComputedHere() throws Exception {
        Path dir = project();
        CliRunner runner = new CliRunner();
        assertEquals(0, runner.run("project", "split", dir.toString(), "--by-person", "--test-persons", "Bo,Cy"),
                runner.err());
        assertEquals(0, runner.run("train", dir.toString(), "--epochs", "8", "--seed", "5"), runner.err());
        CliRunner json = new CliRunner();
        assertEquals(0, json.run("evaluate", dir.toString(), "--by-person", "--json"), json.err());
        JsonNode node = new ObjectMapper().readTree(json.out());

        Map<String, int[][]> confusion = new TreeMap<>();
        try (Project p = Project.open(dir); org.gesturelab.classify.TrainedClassifier model = ModelStore.loadCurrent(dir, p.classNames(),
                p.sequenceLength(), p.settings().features())) {
            for (Clip clip : p.clips(ClipState.TEST)) {
                float[] probabilities = model.predict(java.util.Collections.singletonList(p.loadKeypoints(clip)))[0];
                int predicted = 0;
                for (int c = 1; c < probabilities.length; c++) {
                    predicted = probabilities[c] > probabilities[predicted] ? c : predicted;
                }
                confusion.computeIfAbsent(clip.person(), x -> new int[3][3])[clip.label()][predicted]++;
            }
        }
        assertEquals(List.of("Bo", "Cy"), new ArrayList<>(confusion.keySet()));
        assertEquals(2, node.get("persons").size());
        double f1Sum = 0;
        List<Double> f1s = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            JsonNode row = node.get("persons").get(i);
            int[][] m = confusion.get(row.get("person").asText());
            int correct = m[0][0] + m[1][1] + m[2][2];
            assertEquals(12, row.get("clips").asInt());
            assertEquals(correct / 12.0, row.get("accuracy").asDouble(), 1e-9);
            double f1 = macroF1(m);
            assertEquals(f1, row.get("macro_f1").asDouble(), 1e-9, row.toString());
            f1Sum += f1;
            f1s.add(f1);
        }
        assertEquals(f1Sum / 2, node.get("mean_macro_f1").asDouble(), 1e-9);
        // The sample standard deviation of two values is |a - b| / sqrt(2).
        assertEquals(Math.abs(f1s.get(0) - f1s.get(1)) / Math.sqrt(2), node.get("spread_macro_f1").asDouble(), 1e-9);
        assertEquals(0, node.get("untagged_clips").asInt());

        CliRunner table = new CliRunner();
        assertEquals(0, table.run("evaluate", dir.toString(), "--by-person"), table.err());
        assertTrue(table.out().contains("Bo") && table.out().contains("mean ± spread (2)"), table.out());
    }

    /** Macro F1 over the classes present in the truth or the predictions, written out by hand. */
    private static double macroF1(int[][] m) {
        double sum = 0;
        int counted = 0;
        for (int c = 0; c < m.length; c++) {
            int support = 0;
            int predicted = 0;
            for (int k = 0; k < m.length; k++) {
                support += m[c][k];
                predicted += m[k][c];
            }
            if (support == 0 && predicted == 0) {
                continue;
            }
            double precision = predicted == 0 ? 0 : (double) m[c][c] / predicted;
            double recall = support == 0 ? 0 : (double) m[c][c] / support;
            sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            counted++;
        }
        return sum / counted;
    }

    @Test
    void compareLeavesEachPersonOutAndMatchesATrainingDoneHere() throws Exception {
        Path dir = project();
        CliRunner runner = new CliRunner();
        assertEquals(0, runner.run("compare", dir.toString(), "--cv", "person", "--models", "ridge", "--json"),
                runner.err());
        JsonNode node = new ObjectMapper().readTree(runner.out());
        assertEquals(List.of("Ann", "Bo", "Cy"), List.of(node.get("persons").get(0).asText(),
                node.get("persons").get(1).asText(), node.get("persons").get(2).asText()));
        assertEquals(36, node.get("clips").asInt());
        assertEquals(1, node.get("untagged_clips").asInt());
        JsonNode ridge = node.get("models").get(0);
        assertEquals("ridge", ridge.get("model").asText());
        double sum = 0;
        try (Project p = Project.open(dir)) {
            List<Clip> clips = p.clips(ClipState.TRAIN).stream().filter(c -> c.person() != null).toList();
            for (int i = 0; i < PEOPLE.size(); i++) {
                String person = PEOPLE.get(i);
                LabeledClips train = p.labeledClips(clips.stream().filter(c -> !c.person().equals(person)).toList(),
                        Clip::label);
                List<Clip> held = clips.stream().filter(c -> c.person().equals(person)).toList();
                LabeledClips test = p.labeledClips(held, Clip::label);
                Baseline.Trained model = Baseline.RIDGE.train(train, FeatureExtractor.forVersion(
                        FeatureSubset.detect(train.clips()), p.sequenceLength(), FeatureExtractor.VERSION), 42);
                int[] predicted = model.predict(test.clips());
                int[][] m = new int[3][3];
                for (int k = 0; k < held.size(); k++) {
                    m[test.labels()[k]][predicted[k]]++;
                }
                JsonNode row = ridge.get("per_person").get(i);
                assertEquals(person, row.get("person").asText());
                assertEquals(12, row.get("clips").asInt());
                assertEquals(macroF1(m), row.get("macro_f1").asDouble(), 1e-9, person);
                sum += macroF1(m);
            }
        }
        assertEquals(sum / 3, ridge.get("mean_macro_f1").asDouble(), 1e-9);
        assertTrue(ridge.get("spread_macro_f1").asDouble() >= 0);

        CliRunner table = new CliRunner();
        assertEquals(0, table.run("compare", dir.toString(), "--cv", "person", "--models", "ridge"), table.err());
        assertTrue(table.out().contains("Leave one person out: 3 people (Ann, Bo, Cy), 36 labeled clips; 1 clips "
                + "without a person left out."), table.out());
        CliRunner bad = new CliRunner();
        assertEquals(GestureLabCommand.EXIT_USER_ERROR, bad.run("compare", dir.toString(), "--cv", "class"));
        assertTrue(bad.err().contains("--cv takes 'person'"), bad.err());
    }

    @Test
    void importsTagPeopleAndTheNpyExportKeepsThem() throws Exception {
        Path joints = Files.createDirectories(temp.resolve("joints"));
        StringBuilder index = new StringBuilder("file,subject,gesture,distance\n");
        for (String subject : List.of("S1", "S2")) {
            for (String gesture : List.of("wave", "stop")) {
                String file = subject + "_" + gesture + ".npy";
                float[] data = new float[6 * KeypointLayout.POSE_LANDMARKS * 4];
                for (int i = 0; i < data.length; i++) {
                    data[i] = (i % 7) / 10f + (subject.equals("S2") ? 0.05f : 0);
                }
                Npy.write(joints.resolve(file), new Npy.Array(new int[] {6, KeypointLayout.POSE_LANDMARKS, 4}, data));
                index.append(file).append(',').append(subject).append(',').append(gesture).append(",4m\n");
            }
        }
        Files.writeString(joints.resolve("index.csv"), index, StandardCharsets.UTF_8);
        Path mpData = temp.resolve("MP_Data");
        for (String sign : List.of("hello", "thanks")) {
            for (int f = 0; f < 3; f++) {
                float[] frame = new float[KeypointLayout.FEATURES];
                frame[f] = 0.5f;
                Path file = Files.createDirectories(mpData.resolve(sign).resolve("0")).resolve(f + ".npy");
                Npy.write(file, new Npy.Array(new int[] {frame.length}, frame));
            }
        }
        Path dir = temp.resolve("p");
        CliRunner runner = new CliRunner();
        assertEquals(0, runner.run("project", "init", dir.toString()), runner.err());
        assertEquals(0, runner.run("import", dir.toString(), "--joints", joints.toString(), "--test-subjects", "S2"),
                runner.err());
        assertEquals(0, runner.run("import", dir.toString(), "--mp-data", mpData.toString(), "--person", " Dana "),
                runner.err());
        CliRunner refused = new CliRunner();
        assertEquals(GestureLabCommand.EXIT_USER_ERROR, refused.run("import", dir.toString(), "--joints",
                joints.toString(), "--person", "Eve"));
        assertTrue(refused.err().contains("subject column"), refused.err());
        Map<String, String> expected = new TreeMap<>();
        try (Project p = Project.open(dir)) {
            for (Clip clip : p.clips(ClipQuery.all())) {
                String want = clip.source().startsWith("joints/S1") ? "S1"
                        : clip.source().startsWith("joints/S2") ? "S2" : "Dana";
                assertEquals(want, clip.person(), clip.source());
                assertEquals(clip.source().startsWith("joints") ? "4m" : null, clip.session(), clip.source());
                assertEquals(clip.person().equals("S2"), clip.state() == ClipState.TEST, clip.source());
                expected.put(clip.source(), clip.person() + "|" + clip.session());
            }
            assertEquals(List.of("Dana", "S1", "S2"), p.persons());
        }
        assertEquals(6, expected.size());
        Path exported = temp.resolve("exported");
        assertEquals(0, runner.run("export", dir.toString(), "--format", "npy", "--out", exported.toString()),
                runner.err());
        Path copy = temp.resolve("copy");
        assertEquals(0, runner.run("project", "init", copy.toString()), runner.err());
        // The folder's own person column wins over --person.
        assertEquals(0, runner.run("import", copy.toString(), "--npy", exported.toString(), "--person", "Zed"),
                runner.err());
        try (Project p = Project.open(copy)) {
            Map<String, String> actual = new TreeMap<>();
            p.clips(ClipQuery.all()).forEach(c -> actual.put(c.source(), c.person() + "|" + c.session()));
            assertEquals(expected, actual);
            assertFalse(p.persons().contains("Zed"));
        }
    }
}
