package org.gesturelab.mediapipe.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;

import org.gesturelab.mediapipe.OnnxRuntimeModel;
import org.gesturelab.mediapipe.TfliteReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.AddOptionsT;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.BuiltinOptions;
import org.tensorflow.lite.schema.ConcatenationOptionsT;
import org.tensorflow.lite.schema.Conv2DOptionsT;
import org.tensorflow.lite.schema.DensifyOptionsT;
import org.tensorflow.lite.schema.DepthToSpaceOptionsT;
import org.tensorflow.lite.schema.DepthwiseConv2DOptionsT;
import org.tensorflow.lite.schema.DequantizeOptionsT;
import org.tensorflow.lite.schema.FullyConnectedOptionsT;
import org.tensorflow.lite.schema.MulOptionsT;
import org.tensorflow.lite.schema.PadOptionsT;
import org.tensorflow.lite.schema.Padding;
import org.tensorflow.lite.schema.Pool2DOptionsT;
import org.tensorflow.lite.schema.ReducerOptionsT;
import org.tensorflow.lite.schema.ReshapeOptionsT;
import org.tensorflow.lite.schema.ResizeBilinearOptionsT;
import org.tensorflow.lite.schema.SoftmaxOptionsT;
import org.tensorflow.lite.schema.StridedSliceOptionsT;

/**
 * One small graph per TFLite operator (and per setting that changes the conversion), built in memory, run on
 * TensorFlow Lite and, converted, on ONNX Runtime through DJL: outputs must agree within 1e-4.
 */
class OperatorConversionTest {

    private static final double TOLERANCE = 1e-4;

    @TempDir
    Path folder;

    private final Random random = new Random(42);
    private String testName;

    @org.junit.jupiter.api.BeforeEach
    void name(TestInfo info) {
        testName = info.getTestMethod().orElseThrow().getName();
    }

    @Test
    void convSamePaddingStrideOneWithBiasAndRelu6() throws IOException {
        TinyTflite g = new TinyTflite();
        int x = g.input("image", 1, 7, 9, 3);
        g.output(conv(g, x, new int[] {1, 7, 9, 3}, 4, 3, 3, 1, Padding.SAME, 1, ActivationFunctionType.RELU6));
        ConversionReport report = assertMatches(g);
        assertEquals(1, report.onnxOperators().get("Conv"));
        assertEquals(1, report.onnxOperators().get("Clip"));
    }

    @Test
    void convertedModelIsReadableByEveryone() throws IOException {
        TinyTflite g = new TinyTflite();
        int x = g.input("image", 1, 4, 4, 3);
        g.output(conv(g, x, new int[] {1, 4, 4, 3}, 2, 1, 1, 1, Padding.VALID, 1, ActivationFunctionType.NONE));
        Path tflite = Files.write(folder.resolve("tiny.tflite"), g.build());
        Path onnx = folder.resolve("tiny.onnx");
        // An existing owner-only file (an earlier conversion, or a strict umask) is replaced with rw-r--r--.
        Files.write(onnx, new byte[] {1});
        Assumptions.assumeTrue(Files.getFileStore(folder).supportsFileAttributeView(PosixFileAttributeView.class),
                "no POSIX permissions on this file system");
        Files.setPosixFilePermissions(onnx, PosixFilePermissions.fromString("rw-------"));

        TfliteToOnnx.convert(tflite, onnx);

        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(onnx)));
        try (var listing = Files.list(folder)) {
            assertEquals(List.of("tiny.onnx", "tiny.tflite"),
                    listing.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file is left");
        }
    }

    @Test
    void convSamePaddingStrideTwoIsAsymmetric() throws IOException {
        TinyTflite g = new TinyTflite();
        int x = g.input("image", 1, 8, 10, 3);
        g.output(conv(g, x, new int[] {1, 8, 10, 3}, 5, 3, 3, 2, Padding.SAME, 1, ActivationFunctionType.NONE));
        assertMatches(g);
        // 8 rows, kernel 3, stride 2: one row of padding, all of it at the bottom.
        assertArrayEquals(new long[] {0, 0, 1, 1}, TfliteToOnnx.pads(Padding.SAME, new int[] {1, 8, 10, 3},
                3, 3, 2, 2, 1, 1));
    }

    @Test
    void convValidPaddingWithDilationAndRelu() throws IOException {
        TinyTflite g = new TinyTflite();
        int x = g.input("image", 1, 9, 9, 2);
        g.output(conv(g, x, new int[] {1, 9, 9, 2}, 3, 3, 2, 1, Padding.VALID, 2, ActivationFunctionType.RELU));
        assertMatches(g);
    }

    @Test
    void convWithFp16WeightsBehindDequantizeFoldsThem() throws IOException {
        TinyTflite g = new TinyTflite();
        int x = g.input("image", 1, 6, 6, 3);
        int half = g.constantFp16("w_fp16", new int[] {4, 3, 3, 3}, values(4 * 27, 0.5f));
        g.output(dequantizedConv(g, x, half, new int[] {4, 3, 3, 3}, new int[] {1, 6, 6, 4}));
        ConversionReport report = assertMatches(g);
        assertEquals(1, report.foldedConstants());
        assertEquals(null, report.onnxOperators().get("Cast"), "the weights are folded, not cast at run time");
    }

    @Test
    void sparseFp16WeightsBehindDensifyAreExpanded() throws IOException {
        TinyTflite g = new TinyTflite();
        int x = g.input("image", 1, 5, 5, 6);
        float[] dense = values(8 * 6, 0.5f);
        for (int i = 0; i < dense.length; i++) {
            if (i % 3 != 0) {
                dense[i] = 0f; // two thirds pruned, like MediaPipe's sparse 1x1 convolutions
            }
        }
        int sparse = g.sparseFp16("w_sparse", new int[] {8, 1, 1, 6}, dense);
        int densified = g.tensor("w_fp16", 8, 1, 1, 6);
        g.op(BuiltinOperator.DENSIFY, BuiltinOptions.DensifyOptions, new DensifyOptionsT(), new int[] {sparse},
                densified);
        g.output(dequantizedConv(g, x, densified, new int[] {8, 1, 1, 6}, new int[] {1, 5, 5, 8}));
        assertEquals(2, assertMatches(g).foldedConstants());
    }

    @Test
    void depthwiseConvWithMultiplierStrideTwoAndRelu6() throws IOException {
        TinyTflite g = new TinyTflite();
        int x = g.input("image", 1, 8, 7, 3);
        int weights = g.constant("dw", new int[] {1, 3, 3, 6}, values(54, 0.5f));
        int bias = g.constant("b", new int[] {6}, values(6, 0.1f));
        int out = g.tensor("dwconv", 1, 4, 4, 6);
        DepthwiseConv2DOptionsT options = new DepthwiseConv2DOptionsT();
        options.setPadding(Padding.SAME);
        options.setStrideH(2);
        options.setStrideW(2);
        options.setDepthMultiplier(2);
        options.setDilationHFactor(1);
        options.setDilationWFactor(1);
        options.setFusedActivationFunction(ActivationFunctionType.RELU6);
        g.op(BuiltinOperator.DEPTHWISE_CONV_2D, BuiltinOptions.DepthwiseConv2DOptions, options,
                new int[] {x, weights, bias}, out);
        g.output(out);
        assertMatches(g);
    }

    @Test
    void maxPoolSameAndValid() throws IOException {
        TinyTflite g = new TinyTflite();
        int x = g.input("image", 1, 9, 8, 3);
        int same = g.tensor("pool_same", 1, 5, 4, 3);
        g.op(BuiltinOperator.MAX_POOL_2D, BuiltinOptions.Pool2DOptions, poolOptions(Padding.SAME, 3, 2),
                new int[] {x}, same);
        int valid = g.tensor("pool_valid", 1, 2, 2, 3);
        g.op(BuiltinOperator.MAX_POOL_2D, BuiltinOptions.Pool2DOptions, poolOptions(Padding.VALID, 2, 2),
                new int[] {same}, valid);
        g.output(same);
        g.output(valid);
        assertMatches(g);
    }

    @Test
    void addBroadcastsAConstantOverChannelsWithFusedRelu() throws IOException {
        TinyTflite g = new TinyTflite();
        int x = g.input("image", 1, 4, 5, 3);
        int c = conv(g, x, new int[] {1, 4, 5, 3}, 6, 1, 1, 1, Padding.SAME, 1, ActivationFunctionType.NONE);
        int bias = g.constant("channel_bias", new int[] {6}, values(6, 1f));
        int out = g.tensor("sum", 1, 4, 5, 6);
        AddOptionsT options = new AddOptionsT();
        options.setFusedActivationFunction(ActivationFunctionType.RELU);
        g.op(BuiltinOperator.ADD, BuiltinOptions.AddOptions, options, new int[] {c, bias}, out);
        g.output(out);
        assertMatches(g);
    }

    @Test
    void mulMixesAnNchwAndAnNhwcOperand() throws IOException {
        TinyTflite g = new TinyTflite();
        int x = g.input("image", 1, 4, 5, 3);
        int c = conv(g, x, new int[] {1, 4, 5, 3}, 3, 3, 3, 1, Padding.SAME, 1, ActivationFunctionType.NONE);
        int out = g.tensor("product", 1, 4, 5, 3);
        g.op(BuiltinOperator.MUL, BuiltinOptions.MulOptions, new MulOptionsT(), new int[] {c, x}, out);
        g.output(out);
        g.output(c);
        assertMatches(g);
    }

    @Test
    void mulOfLowerRankTensorsStaysInTfliteLayout() throws IOException {
        TinyTflite g = new TinyTflite();
        int x = g.input("points", 1, 6, 3);
        int scale = g.constant("scale", new int[] {1}, new float[] {2.5f});
        int out = g.tensor("scaled", 1, 6, 3);
        g.op(BuiltinOperator.MUL, BuiltinOptions.MulOptions, new MulOptionsT(), new int[] {x, scale}, out);
        g.output(out);
        assertMatches(g);
    }

    @Test
    void concatenationAlongChannelsAndRows() throws IOException {
        TinyTflite g = new TinyTflite();
        int x = g.input("image", 1, 4, 5, 3);
        int c = conv(g, x, new int[] {1, 4, 5, 3}, 2, 1, 1, 1, Padding.SAME, 1, ActivationFunctionType.NONE);
        int channels = g.tensor("channels", 1, 4, 5, 5);
        ConcatenationOptionsT last = new ConcatenationOptionsT();
        last.setAxis(-1);
        g.op(BuiltinOperator.CONCATENATION, BuiltinOptions.ConcatenationOptions, last, new int[] {c, x}, channels);
        int rows = g.tensor("rows", 1, 8, 5, 5);
        ConcatenationOptionsT height = new ConcatenationOptionsT();
        height.setAxis(1);
        g.op(BuiltinOperator.CONCATENATION, BuiltinOptions.ConcatenationOptions, height,
                new int[] {channels, channels}, rows);
        g.output(rows);
        assertMatches(g);
    }

    @Test
    void padInBothLayouts() throws IOException {
        TinyTflite g = new TinyTflite();
        int x = g.input("image", 1, 4, 5, 3);
        int padded = g.tensor("padded", 1, 5, 8, 3);
        g.op(BuiltinOperator.PAD, BuiltinOptions.PadOptions, new PadOptionsT(),
                new int[] {x, g.intConstant("p1", new int[] {4, 2}, 0, 0, 0, 1, 1, 2, 0, 0)}, padded);
        int c = conv(g, padded, new int[] {1, 5, 8, 3}, 4, 3, 3, 1, Padding.SAME, 1, ActivationFunctionType.NONE);
        int channelPadded = g.tensor("channel_padded", 1, 7, 8, 8);
        g.op(BuiltinOperator.PAD, BuiltinOptions.PadOptions, new PadOptionsT(),
                new int[] {c, g.intConstant("p2", new int[] {4, 2}, 0, 0, 2, 0, 0, 0, 0, 4)}, channelPadded);
        int widened = g.tensor("widened", 1, 5, 8, 7);
        g.op(BuiltinOperator.PAD, BuiltinOptions.PadOptions, new PadOptionsT(),
                new int[] {c, g.intConstant("p3", new int[] {4, 2}, 0, 0, 0, 0, 0, 0, 1, 2)}, widened);
        g.output(channelPadded);
        g.output(widened);
        ConversionReport report = assertMatches(g);
        assertEquals(2, report.onnxOperators().get("Pad"), "spatial padding stays a Pad");
        assertEquals(2, report.onnxOperators().get("Conv"), "channel-only padding becomes a 1x1 convolution");
    }

    /** PRelu after a convolution becomes depthwise convolutions; on the NHWC input it stays a PRelu. */
    @Test
    void preluReluAndLogistic() throws IOException {
        TinyTflite g = new TinyTflite();
        int x = g.input("image", 1, 4, 5, 3);
        int c = conv(g, x, new int[] {1, 4, 5, 3}, 4, 3, 3, 1, Padding.SAME, 1, ActivationFunctionType.NONE);
        int prelu = g.tensor("prelu", 1, 4, 5, 4);
        g.op(BuiltinOperator.PRELU, (byte) 0, null,
                new int[] {c, g.constant("alpha", new int[] {1, 1, 4}, values(4, 2f))}, prelu);
        int relu = g.tensor("relu", 1, 4, 5, 4);
        g.op(BuiltinOperator.RELU, (byte) 0, null, new int[] {c}, relu);
        int inputPrelu = g.tensor("input_prelu", 1, 4, 5, 3);
        g.op(BuiltinOperator.PRELU, (byte) 0, null,
                new int[] {x, g.constant("alpha_in", new int[] {1, 1, 3}, values(3, 2f))}, inputPrelu);
        int sigmoid = g.tensor("sigmoid", 1, 4, 5, 4);
        g.op(BuiltinOperator.LOGISTIC, (byte) 0, null, new int[] {c}, sigmoid);
        g.output(prelu);
        g.output(inputPrelu);
        g.output(relu);
        g.output(sigmoid);
        ConversionReport report = assertMatches(g);
        assertEquals(1, report.onnxOperators().get("PRelu"));
    }

    @Test
    void reshapeAfterConvolutionKeepsTfliteElementOrder() throws IOException {
        TinyTflite g = new TinyTflite();
        int x = g.input("image", 1, 4, 4, 3);
        int c = conv(g, x, new int[] {1, 4, 4, 3}, 8, 3, 3, 1, Padding.SAME, 1, ActivationFunctionType.NONE);
        int flat = g.tensor("flat", 1, 128);
        ReshapeOptionsT options = new ReshapeOptionsT();
        options.setNewShape(new int[] {1, 128});
        g.op(BuiltinOperator.RESHAPE, BuiltinOptions.ReshapeOptions, options,
                new int[] {c, g.intConstant("shape", new int[] {2}, 1, 128)}, flat);
        g.output(flat);
        assertMatches(g);
    }

    @Test
    void fullyConnectedFlattensItsInput() throws IOException {
        TinyTflite g = new TinyTflite();
        int x = g.input("image", 1, 4, 4, 2);
        int c = conv(g, x, new int[] {1, 4, 4, 2}, 2, 1, 1, 1, Padding.SAME, 1, ActivationFunctionType.NONE);
        int out = g.tensor("dense", 1, 5);
        FullyConnectedOptionsT options = new FullyConnectedOptionsT();
        options.setFusedActivationFunction(ActivationFunctionType.RELU);
        g.op(BuiltinOperator.FULLY_CONNECTED, BuiltinOptions.FullyConnectedOptions, options,
                new int[] {c, g.constant("fc_w", new int[] {5, 32}, values(160, 0.3f)),
                    g.constant("fc_b", new int[] {5}, values(5, 0.1f))}, out);
        int second = g.tensor("dense2", 1, 3);
        g.op(BuiltinOperator.FULLY_CONNECTED, BuiltinOptions.FullyConnectedOptions, new FullyConnectedOptionsT(),
                new int[] {out, g.constant("fc2_w", new int[] {3, 5}, values(15, 0.3f)),
                    g.constant("fc2_b", new int[] {3}, values(3, 0.1f))}, second);
        g.output(out);
        g.output(second);
        assertMatches(g);
    }

    @Test
    void meanOverSpaceWithAndWithoutKeptDimensions() throws IOException {
        TinyTflite g = new TinyTflite();
        int x = g.input("image", 1, 5, 6, 3);
        int c = conv(g, x, new int[] {1, 5, 6, 3}, 4, 3, 3, 1, Padding.SAME, 1, ActivationFunctionType.NONE);
        int pooled = g.tensor("pooled", 1, 4);
        g.op(BuiltinOperator.MEAN, BuiltinOptions.ReducerOptions, reducer(false),
                new int[] {c, g.intConstant("axes", new int[] {2}, 1, 2)}, pooled);
        int kept = g.tensor("kept", 1, 1, 1, 4);
        g.op(BuiltinOperator.MEAN, BuiltinOptions.ReducerOptions, reducer(true),
                new int[] {c, g.intConstant("axes2", new int[] {2}, 1, 2)}, kept);
        int rows = g.tensor("rows", 1, 5, 4);
        g.op(BuiltinOperator.MEAN, BuiltinOptions.ReducerOptions, reducer(false),
                new int[] {c, g.intConstant("axes3", new int[] {1}, 2)}, rows);
        g.output(pooled);
        g.output(kept);
        g.output(rows);
        assertMatches(g);
    }

    @Test
    void resizeBilinearHalfPixelAlignCornersAndAsymmetric() throws IOException {
        TinyTflite g = new TinyTflite();
        int x = g.input("image", 1, 5, 4, 3);
        int c = conv(g, x, new int[] {1, 5, 4, 3}, 2, 1, 1, 1, Padding.SAME, 1, ActivationFunctionType.NONE);
        int half = g.tensor("half_pixel", 1, 10, 8, 2);
        g.op(BuiltinOperator.RESIZE_BILINEAR, BuiltinOptions.ResizeBilinearOptions, resize(false, true),
                new int[] {c, g.intConstant("s1", new int[] {2}, 10, 8)}, half);
        int corners = g.tensor("align_corners", 1, 7, 9, 2);
        g.op(BuiltinOperator.RESIZE_BILINEAR, BuiltinOptions.ResizeBilinearOptions, resize(true, false),
                new int[] {c, g.intConstant("s2", new int[] {2}, 7, 9)}, corners);
        int plain = g.tensor("asymmetric", 1, 7, 6, 2);
        g.op(BuiltinOperator.RESIZE_BILINEAR, BuiltinOptions.ResizeBilinearOptions, resize(false, false),
                new int[] {c, g.intConstant("s3", new int[] {2}, 7, 6)}, plain);
        g.output(half);
        g.output(corners);
        g.output(plain);
        assertMatches(g);
    }

    @Test
    void depthToSpace() throws IOException {
        TinyTflite g = new TinyTflite();
        int x = g.input("image", 1, 3, 4, 3);
        int c = conv(g, x, new int[] {1, 3, 4, 3}, 12, 1, 1, 1, Padding.SAME, 1, ActivationFunctionType.NONE);
        int out = g.tensor("space", 1, 6, 8, 3);
        DepthToSpaceOptionsT options = new DepthToSpaceOptionsT();
        options.setBlockSize(2);
        g.op(BuiltinOperator.DEPTH_TO_SPACE, BuiltinOptions.DepthToSpaceOptions, options, new int[] {c}, out);
        g.output(out);
        assertMatches(g);
    }

    @Test
    void stridedSliceWithMasksStridesAndShrink() throws IOException {
        TinyTflite g = new TinyTflite();
        int x = g.input("image", 1, 6, 7, 3);
        int c = conv(g, x, new int[] {1, 6, 7, 3}, 4, 3, 3, 1, Padding.SAME, 1, ActivationFunctionType.NONE);
        int sliced = g.tensor("sliced", 1, 3, 3, 2);
        StridedSliceOptionsT masks = new StridedSliceOptionsT();
        masks.setBeginMask(1);
        masks.setEndMask(1 | 8);
        g.op(BuiltinOperator.STRIDED_SLICE, BuiltinOptions.StridedSliceOptions, masks,
                new int[] {c, g.intConstant("b1", new int[] {4}, 0, 1, 0, 2),
                    g.intConstant("e1", new int[] {4}, 0, 6, -1, 0),
                    g.intConstant("st1", new int[] {4}, 1, 2, 2, 1)}, sliced);
        int row = g.tensor("row", 1, 7, 4);
        StridedSliceOptionsT shrink = new StridedSliceOptionsT();
        shrink.setShrinkAxisMask(2);
        g.op(BuiltinOperator.STRIDED_SLICE, BuiltinOptions.StridedSliceOptions, shrink,
                new int[] {c, g.intConstant("b2", new int[] {4}, 0, -1, 0, 0),
                    g.intConstant("e2", new int[] {4}, 1, 0, 7, 4),
                    g.intConstant("st2", new int[] {4}, 1, 1, 1, 1)}, row);
        g.output(sliced);
        g.output(row);
        assertMatches(g);
    }

    @Test
    void unsupportedOperatorIsNamedWithTheModel() throws IOException {
        TinyTflite g = new TinyTflite();
        int x = g.input("logits", 1, 10);
        int out = g.tensor("probabilities", 1, 10);
        g.op(BuiltinOperator.SOFTMAX, BuiltinOptions.SoftmaxOptions, new SoftmaxOptionsT(), new int[] {x}, out);
        g.output(out);
        Path tflite = folder.resolve("softmax_model.tflite");
        Files.write(tflite, g.build());
        UnsupportedOperatorException refused = assertThrows(UnsupportedOperatorException.class,
                () -> TfliteToOnnx.convert(tflite, folder.resolve("softmax_model.onnx")));
        assertEquals(List.of("SOFTMAX"), refused.operators());
        assertTrue(refused.getMessage().contains("softmax_model.tflite"), refused.getMessage());
        assertTrue(refused.getMessage().contains("SOFTMAX"), refused.getMessage());
    }

    @Test
    void concatenationWithAFusedActivationIsRefused() throws IOException {
        TinyTflite g = new TinyTflite();
        int x = g.input("image", 1, 2, 2, 3);
        int out = g.tensor("twice", 1, 2, 2, 6);
        ConcatenationOptionsT options = new ConcatenationOptionsT();
        options.setAxis(3);
        options.setFusedActivationFunction(ActivationFunctionType.RELU);
        g.op(BuiltinOperator.CONCATENATION, BuiltinOptions.ConcatenationOptions, options, new int[] {x, x}, out);
        g.output(out);
        Path tflite = folder.resolve("concat_relu.tflite");
        Files.write(tflite, g.build());
        UnsupportedOperatorException refused = assertThrows(UnsupportedOperatorException.class,
                () -> TfliteToOnnx.convert(tflite, folder.resolve("concat_relu.onnx")));
        assertEquals(List.of("CONCATENATION with a fused activation"), refused.operators());
    }

    @Test
    void bytesThatAreNotAModelAreAnIoError() throws IOException {
        Path garbage = folder.resolve("garbage.tflite");
        Files.write(garbage, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        assertThrows(IOException.class, () -> TfliteToOnnx.convert(garbage, folder.resolve("garbage.onnx")));
    }

    @Test
    void halfPrecisionWidensExactly() {
        assertEquals(1f, Float16.toFloat((short) 0x3c00));
        assertEquals(-2f, Float16.toFloat((short) 0xc000));
        assertEquals(65504f, Float16.toFloat((short) 0x7bff));
        assertEquals(0x1p-24f, Float16.toFloat((short) 0x0001));
        assertEquals(0x1p-14f, Float16.toFloat((short) 0x0400));
        assertEquals(Float.POSITIVE_INFINITY, Float16.toFloat((short) 0x7c00));
        assertTrue(Float.isNaN(Float16.toFloat((short) 0x7e00)));
        assertEquals(-0f, Float16.toFloat((short) 0x8000));
        assertEquals(0.333251953125f, Float16.toFloat(TinyTflite.toHalf(1f / 3f)));
    }

    @Test
    void permuteTransposesRowMajorData() {
        // 2x3 -> 3x2
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6},
                TfliteToOnnx.permute(new float[] {1, 2, 3, 4, 5, 6}, new int[] {2, 3}, new int[] {1, 0}));
        assertTrue(TfliteToOnnx.movesOnlyUnitDimensions(new int[] {1, 1, 1, 7}, new int[] {0, 3, 1, 2}));
        assertTrue(!TfliteToOnnx.movesOnlyUnitDimensions(new int[] {1, 2, 2, 7}, new int[] {0, 3, 1, 2}));
    }

    // ---- helpers ----

    private ConversionReport assertMatches(TinyTflite graph) throws IOException {
        byte[] bytes = graph.build();
        Path tflite = folder.resolve(testName + ".tflite");
        Path onnx = folder.resolve(testName + ".onnx");
        Files.write(tflite, bytes);
        ConversionReport report = TfliteToOnnx.convert(tflite, onnx);
        try (TfliteReference reference = TfliteReference.fromBytes(bytes, testName);
                OnnxRuntimeModel converted = OnnxRuntimeModel.open(onnx)) {
            assertEquals(reference.inputs(), converted.inputs());
            float[][] inputs = new float[reference.inputs().size()][];
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = values((int) NamedTensor.elementCount(reference.inputs().get(i).shape()), 1f);
            }
            List<NamedTensor> expected = reference.run(inputs);
            List<NamedTensor> actual = converted.run(inputs);
            assertEquals(expected.size(), actual.size());
            for (int i = 0; i < expected.size(); i++) {
                NamedTensor want = expected.get(i);
                NamedTensor got = actual.get(i);
                assertEquals(want.name(), got.name());
                assertArrayEquals(want.shape(), got.shape(), want.name());
                double allowed = TOLERANCE * Math.max(1.0, want.range());
                for (int k = 0; k < want.data().length; k++) {
                    double difference = Math.abs(want.data()[k] - got.data()[k]);
                    assertTrue(difference <= allowed, testName + ": " + want.name() + "[" + k + "] is "
                            + got.data()[k] + " on ONNX Runtime, " + want.data()[k] + " on TFLite");
                }
            }
        }
        return report;
    }

    private int conv(TinyTflite g, int x, int[] xShape, int outChannels, int kernelH, int kernelW, int stride,
            byte padding, int dilation, byte activation) {
        int inChannels = xShape[3];
        int weights = g.constant("w" + x, new int[] {outChannels, kernelH, kernelW, inChannels},
                values(outChannels * kernelH * kernelW * inChannels, 0.5f));
        int bias = g.constant("b" + x, new int[] {outChannels}, values(outChannels, 0.1f));
        int height = outputSize(xShape[1], kernelH, stride, dilation, padding);
        int width = outputSize(xShape[2], kernelW, stride, dilation, padding);
        int out = g.tensor("conv" + x, 1, height, width, outChannels);
        g.op(BuiltinOperator.CONV_2D, BuiltinOptions.Conv2DOptions, convOptions(stride, padding, dilation,
                activation), new int[] {x, weights, bias}, out);
        return out;
    }

    /** A SAME convolution whose FP16 weights pass through DEQUANTIZE, as in MediaPipe's models. */
    private int dequantizedConv(TinyTflite g, int x, int halfWeights, int[] weightShape, int[] outShape) {
        int weights = g.tensor("w", weightShape);
        g.op(BuiltinOperator.DEQUANTIZE, BuiltinOptions.DequantizeOptions, new DequantizeOptionsT(),
                new int[] {halfWeights}, weights);
        int bias = g.constant("b", new int[] {weightShape[0]}, values(weightShape[0], 0.1f));
        int out = g.tensor("conv", outShape);
        g.op(BuiltinOperator.CONV_2D, BuiltinOptions.Conv2DOptions,
                convOptions(1, Padding.SAME, 1, ActivationFunctionType.NONE), new int[] {x, weights, bias}, out);
        return out;
    }

    private static int outputSize(int size, int kernel, int stride, int dilation, byte padding) {
        int effective = (kernel - 1) * dilation + 1;
        return padding == Padding.SAME ? (size + stride - 1) / stride : (size - effective + stride) / stride;
    }

    private static Conv2DOptionsT convOptions(int stride, byte padding, int dilation, byte activation) {
        Conv2DOptionsT options = new Conv2DOptionsT();
        options.setPadding(padding);
        options.setStrideH(stride);
        options.setStrideW(stride);
        options.setDilationHFactor(dilation);
        options.setDilationWFactor(dilation);
        options.setFusedActivationFunction(activation);
        return options;
    }

    private static Pool2DOptionsT poolOptions(byte padding, int filter, int stride) {
        Pool2DOptionsT options = new Pool2DOptionsT();
        options.setPadding(padding);
        options.setFilterHeight(filter);
        options.setFilterWidth(filter);
        options.setStrideH(stride);
        options.setStrideW(stride);
        return options;
    }

    private static ReducerOptionsT reducer(boolean keepDims) {
        ReducerOptionsT options = new ReducerOptionsT();
        options.setKeepDims(keepDims);
        return options;
    }

    private static ResizeBilinearOptionsT resize(boolean alignCorners, boolean halfPixelCenters) {
        ResizeBilinearOptionsT options = new ResizeBilinearOptionsT();
        options.setAlignCorners(alignCorners);
        options.setHalfPixelCenters(halfPixelCenters);
        return options;
    }

    private float[] values(int count, float scale) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (random.nextFloat() * 2 - 1) * scale;
        }
        return values;
    }
}
