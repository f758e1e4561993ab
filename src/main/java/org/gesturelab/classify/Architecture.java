package org.gesturelab.classify;

import java.util.List;
import java.util.Locale;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.LSTM;

/**
 * The network designs a classifier can use. Each is split into a <em>body</em>, which ends in the embedding (the
 * activations before the classification layer), and a <em>head</em>: dropout, then one linear layer producing class
 * scores. Monte Carlo dropout runs the body once and only the head several times with dropout active, which gives
 * nearly the same mutual information as dropout everywhere at a fraction of the cost (docs/decisions/0502).
 */
public enum Architecture {

    /**
     * The default since docs/decisions/1200: a GRU of 128 (last frame, dense 64) and a temporal convolution (three
     * 1-D convolutions of kernel 5, dilations 1, 2 and 4, 64 channels, batch normalization and ReLU; mean and maximum
     * over time; dense 64) read the same frames side by side; their 128 outputs together are the embedding, dropout
     * 0.3. The two see a gesture differently (order and end state against local movement anywhere in the clip);
     * together they did better on people they never saw (bodygesture15) than the GRU alone, and as well on ksl13.
     */
    DEFAULT(128, 0.3f),
    /**
     * The default until docs/decisions/1200: one GRU of 128 units, a dense layer of 64 (the embedding), dropout 0.3
     * (docs/decisions/0502). Models saved with a card of format 1 under the name {@code default} are this network.
     */
    GRU(64, 0.3f),
    /**
     * The 30 x 1662 sign-language tutorial network: LSTM 64, 128, 64, dense 64 and 32 (the embedding). The tutorial
     * has no dropout; a dropout of 0.2 before the output layer is added so Monte Carlo dropout has something to sample.
     */
    REFERENCE(32, 0.2f),
    /**
     * The lite activity-recognition network made multi-class: three LSTMs of 128 with dropout 0.2 and 0.1 between
     * them, batch normalization, dense 32 (the embedding), dropout 0.1.
     */
    LITE(32, 0.1f),
    /**
     * Temporal convolution: three 1-D convolutions over frames (kernel 5, dilations 1, 2 and 4, 64 channels, each
     * with batch normalization and ReLU), then the mean and the maximum over time side by side, and a dense layer
     * of 64 (the embedding), dropout 0.3. Pooling over all frames makes it indifferent to where in the clip a
     * movement happens, and to its speed within the receptive field.
     */
    TCN(64, 0.3f);

    private final int embeddingSize;
    private final float headDropout;

    Architecture(int embeddingSize, float headDropout) {
        this.embeddingSize = embeddingSize;
        this.headDropout = headDropout;
    }

    /** Returns the lower-case name used on the command line and in model cards. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Finds an architecture by its {@link #id()}, ignoring case.
     *
     * @param id the name
     * @return the architecture
     * @throws IllegalArgumentException if there is none of that name
     */
    public static Architecture fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /**
     * Finds the architecture a model card names. Cards of format 1 called the GRU network {@code default}; it kept
     * its design under the name {@code gru} when the default changed (docs/decisions/1200).
     *
     * @param card the card
     * @return the architecture
     * @throws IllegalArgumentException if there is none of that name
     */
    public static Architecture of(ModelCard card) {
        Architecture named = fromId(card.architecture());
        return named == DEFAULT && card.formatVersion() < 2 ? GRU : named;
    }

    /** Returns the length of the embedding, the body's output. */
    public int embeddingSize() {
        return embeddingSize;
    }

    /**
     * Builds the whole network: a sequential block of exactly two children, the body and the head.
     *
     * @param classes the number of classes
     * @return a new, uninitialized block taking {@code batch x frames x features}
     */
    public SequentialBlock build(int classes) {
        SequentialBlock network = new SequentialBlock();
        network.add(body());
        network.add(new SequentialBlock()
                .add(Dropout.builder().optRate(headDropout).build())
                .add(Linear.builder().setUnits(classes).build()));
        return network;
    }

    /**
     * Returns the body of a network built by {@link #build(int)}.
     *
     * @param network the network
     * @return its first child
     */
    static Block body(Block network) {
        return network.getChildren().get(0).getValue();
    }

    /**
     * Returns the head of a network built by {@link #build(int)}.
     *
     * @param network the network
     * @return its second child
     */
    static Block head(Block network) {
        return network.getChildren().get(1).getValue();
    }

    private SequentialBlock body() {
        SequentialBlock body = new SequentialBlock();
        switch (this) {
            case GRU -> body.add(gru(128)).add(lastStep())
                    .add(dense(64));
            case REFERENCE -> body.add(lstm(64)).add(lstm(128)).add(lstm(64)).add(lastStep())
                    .add(dense(64)).add(dense(32));
            case LITE -> body.add(lstm(128)).add(Dropout.builder().optRate(0.2f).build())
                    .add(lstm(128)).add(Dropout.builder().optRate(0.1f).build())
                    .add(lstm(128)).add(lastStep())
                    .add(BatchNorm.builder().build())
                    .add(dense(32));
            case TCN -> body.add(channelsFirst())
                    .add(convolution(64, 1)).add(convolution(64, 2)).add(convolution(64, 4))
                    .add(meanAndMaxOverTime())
                    .add(dense(64));
            case DEFAULT -> body.add(new ParallelBlock(
                    branches -> new NDList(NDArrays.concat(new NDList(branches.get(0).singletonOrThrow(),
                            branches.get(1).singletonOrThrow()), 1)),
                    List.of(new SequentialBlock().add(gru(128)).add(lastStep()).add(dense(64)),
                            new SequentialBlock().add(channelsFirst())
                                    .add(convolution(64, 1)).add(convolution(64, 2)).add(convolution(64, 4))
                                    .add(meanAndMaxOverTime()).add(dense(64)))));
            default -> throw new AssertionError(this);
        }
        return body;
    }

    /** {@code batch x frames x features} to {@code batch x features x frames}, the layout convolutions take. */
    private static Block channelsFirst() {
        // head(), not singletonOrThrow(): DJL's GRU appends its initial state to the input list it is given, which a
        // branch beside it in a ParallelBlock then sees too.
        return new LambdaBlock(list -> new NDList(list.head().transpose(0, 2, 1)), "channelsFirst");
    }

    /** A 1-D convolution over frames of kernel 5 that keeps the length, batch normalization, ReLU. */
    private static Block convolution(int filters, int dilation) {
        return new SequentialBlock()
                .add(Conv1d.builder().setKernelShape(new Shape(5)).setFilters(filters)
                        .optPadding(new Shape(2L * dilation)).optDilation(new Shape(dilation)).build())
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock());
    }

    /** {@code batch x channels x frames} to {@code batch x 2 channels}: the mean over frames, then the maximum. */
    private static Block meanAndMaxOverTime() {
        return new LambdaBlock(list -> {
            NDArray x = list.singletonOrThrow();
            return new NDList(x.mean(new int[] {2}).concat(x.max(new int[] {2}), 1));
        }, "meanAndMaxOverTime");
    }

    private static Block lstm(int units) {
        return LSTM.builder().setStateSize(units).setNumLayers(1).optBatchFirst(true).optReturnState(false).build();
    }

    private static Block gru(int units) {
        return ai.djl.nn.recurrent.GRU.builder().setStateSize(units).setNumLayers(1).optBatchFirst(true).optReturnState(false).build();
    }

    private static Block dense(int units) {
        return new SequentialBlock().add(Linear.builder().setUnits(units).build()).add(Activation.reluBlock());
    }

    /** Keeps the recurrent output of the last frame: {@code batch x frames x units} to {@code batch x units}. */
    private static Block lastStep() {
        return new LambdaBlock(list -> new NDList(list.singletonOrThrow().get(":, -1, :")), "lastStep");
    }
}
