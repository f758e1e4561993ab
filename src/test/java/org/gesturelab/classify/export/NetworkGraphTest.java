package org.gesturelab.classify.export;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.mediapipe.convert.OnnxGraphBuilder;
import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;

/** The blocks {@link NetworkGraph} does not translate are refused by name, not exported as something else. */
class NetworkGraphTest {

    private static GestureLabException refusal(Block block) {
        NetworkGraph graph = new NetworkGraph(new GraphOps(new OnnxGraphBuilder("t")), "features");
        return assertThrows(GestureLabException.class, () -> graph.add(block));
    }

    @Test
    void refusesAnUnknownLambdaBlockByName() {
        GestureLabException e = refusal(new LambdaBlock(list -> list, "somethingElse"));
        assertTrue(e.getMessage().contains("lambda block 'somethingElse'"), e.getMessage());
    }

    @Test
    void refusesAParallelBranchThatKeepsTheTimeAxis() {
        ParallelBlock parallel = new ParallelBlock(branches -> branches.get(0), List.of(
                new SequentialBlock().add(new LambdaBlock(list -> list, "channelsFirst"))));
        GestureLabException e = refusal(parallel);
        assertTrue(e.getMessage().contains("does not end in a flat vector"), e.getMessage());
    }

    @Test
    void refusesPoolingOverTimeBeforeChannelsFirst() {
        GestureLabException e = refusal(new LambdaBlock(NDList::new, "meanAndMaxOverTime"));
        assertTrue(e.getMessage().contains("meanAndMaxOverTime on a value that is not batch x channels x frames"),
                e.getMessage());
    }
}
