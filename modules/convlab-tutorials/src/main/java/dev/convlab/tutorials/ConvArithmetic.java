package dev.convlab.tutorials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Walkthrough 1 (notebooks/01-conv-arithmetic.md): the tutorial's 5x5 input and 3x3 filter through a DL4J
 * convolution layer, the output sizes of stride 1 and 2 with 'valid' and 'same' padding, and 2x2 max pooling of a
 * 32x32x10 volume, each output size set beside the formula floor((n + 2p - f)/s) + 1.
 *
 * <p>Usage: {@code ConvArithmetic OUT_DIR}; writes conv-arithmetic.json, conv-arithmetic.md and convolution.png
 * there and prints the same. Exit code 1 when DL4J disagrees with the hand calculation or the formula.
 */
public final class ConvArithmetic {
    /** The tutorial's input: the classic 5x5 binary image. */
    static final double[][] INPUT = {
        {1, 1, 1, 0, 0},
        {0, 1, 1, 1, 0},
        {0, 0, 1, 1, 1},
        {0, 0, 1, 1, 0},
        {0, 1, 1, 0, 0},
    };
    /** The tutorial's 3x3 filter (an X). */
    static final double[][] FILTER = {
        {1, 0, 1},
        {0, 1, 0},
        {1, 0, 1},
    };

    private ConvArithmetic() {
    }

    /** One output-size case: a convolution of the 5x5 input or the pooling of 32x32x10. */
    private record Case(String name, String padding, int n, int f, int p, int s, long[] dl4jHwc, double[][] map) {
        OutputSize formula() {
            return new OutputSize(n, f, p, s);
        }

        boolean matches() {
            int expected = formula().value();
            return dl4jHwc[0] == expected && dl4jHwc[1] == expected;
        }

        String dl4j() {
            return dl4jHwc[0] + "x" + dl4jHwc[1] + "x" + dl4jHwc[2];
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ConvArithmetic OUT_DIR");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);

        double[][] map = Matrices.of(Layers.convolve(INPUT, FILTER, 1, false, 0));
        double[][] hand = CrossCorrelation.valid(INPUT, FILTER);
        boolean mapMatches = Arrays.deepEquals(map, hand);
        String firstCell = CrossCorrelation.worked(INPUT, FILTER, 0, 0);

        List<Case> cases = new ArrayList<>();
        for (int stride : new int[] {1, 2}) {
            for (boolean same : new boolean[] {false, true}) {
                double[][] m = Matrices.of(Layers.convolve(INPUT, FILTER, stride, same, 0));
                // 'same' with an odd kernel pads (f - 1)/2 = 1 on each side, for stride 1 and for stride 2 here
                int p = same ? (FILTER.length - 1) / 2 : 0;
                cases.add(new Case("conv 3x3, stride " + stride, same ? "same" : "valid", INPUT.length,
                        FILTER.length, p, stride, new long[] {m.length, m[0].length, 1}, m));
            }
        }
        INDArray volume = Nd4j.rand(DataType.DOUBLE, 1, 10, 32, 32);
        INDArray pooled = Layers.maxPool2x2(volume);
        boolean poolValues = pooled.getDouble(0, 3, 5, 7) == volume.get(
                org.nd4j.linalg.indexing.NDArrayIndex.point(0), org.nd4j.linalg.indexing.NDArrayIndex.point(3),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(10, 12),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(14, 16)).maxNumber().doubleValue();
        Case pool = new Case("max pool 2x2, stride 2", "valid", 32, 2, 0, 2,
                new long[] {pooled.size(2), pooled.size(3), pooled.size(1)}, null);

        boolean ok = mapMatches && poolValues && pool.matches() && cases.stream().allMatch(Case::matches);
        String text = text(map, hand, mapMatches, firstCell, cases, pool, poolValues, ok);
        System.out.print(text);
        Files.writeString(out.resolve("conv-arithmetic.md"), text, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("conv-arithmetic.json"),
                json(map, hand, mapMatches, cases, pool, poolValues, ok), StandardCharsets.UTF_8);
        ConvolutionFigure.write(INPUT, FILTER, map, firstCell, out.resolve("convolution.png"));
        if (!ok) {
            System.err.println("conv-arithmetic: DL4J disagrees with the hand calculation or the formula (see above)");
            System.exit(1);
        }
    }

    private static String text(double[][] map, double[][] hand, boolean mapMatches, String firstCell,
                               List<Case> cases, Case pool, boolean poolValues, boolean ok) {
        StringBuilder s = new StringBuilder();
        s.append("## The 5x5 input and the 3x3 filter\n\n```\ninput\n").append(Matrices.grid(INPUT, "  "))
                .append("filter\n").append(Matrices.grid(FILTER, "  "))
                .append("feature map from a DL4J ConvolutionLayer (identity activation, no bias, stride 1, valid)\n")
                .append(Matrices.grid(map, "  "))
                .append("as a list: ").append(Matrices.json(map)).append('\n')
                .append("by hand (loops over the windows): ").append(Matrices.json(hand))
                .append(mapMatches ? "  -> equal\n" : "  -> DIFFERENT\n")
                .append("top-left cell: ").append(firstCell).append("\n```\n\n");
        s.append("## Output sizes against floor((n + 2p - f)/s) + 1\n\n")
                .append("| layer | padding | n | f | p | s | DL4J output (HxWxC) | formula | equal |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Case c : cases) {
            row(s, c);
        }
        row(s, pool);
        s.append("\nThe pooling row ran a DL4J SubsamplingLayer (MAX) on a random 32x32x10 volume; its output cell"
                + " (5, 7) of channel 3 is the largest of the input's rows 10-11, columns 14-15: ")
                .append(poolValues ? "yes" : "NO").append(".\n\n## The feature maps of each case (DL4J)\n\n```\n");
        for (Case c : cases) {
            s.append(c.name).append(", ").append(c.padding).append(": ").append(c.dl4j()).append('\n')
                    .append(Matrices.grid(c.map, "  "));
        }
        s.append("```\n\n").append(ok ? "all checks passed\n" : "SOME CHECKS FAILED\n");
        return s.toString();
    }

    private static void row(StringBuilder s, Case c) {
        s.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %s | %s | %s |%n", c.name, c.padding,
                c.n, c.f, c.p, c.s, c.dl4j(), c.formula().worked(), c.matches() ? "yes" : "NO"));
    }

    private static String json(double[][] map, double[][] hand, boolean mapMatches, List<Case> cases, Case pool,
                               boolean poolValues, boolean ok) {
        StringBuilder s = new StringBuilder("{\n");
        s.append("  \"input\": ").append(Matrices.json(INPUT)).append(",\n")
                .append("  \"filter\": ").append(Matrices.json(FILTER)).append(",\n")
                .append("  \"feature_map\": ").append(Matrices.json(map)).append(",\n")
                .append("  \"hand_worked\": ").append(Matrices.json(hand)).append(",\n")
                .append("  \"feature_map_matches_hand\": ").append(mapMatches).append(",\n")
                .append("  \"shapes\": [\n");
        List<Case> all = new ArrayList<>(cases);
        all.add(pool);
        for (int i = 0; i < all.size(); i++) {
            Case c = all.get(i);
            s.append(String.format(Locale.ROOT, "    {\"layer\": \"%s\", \"padding\": \"%s\", \"n\": %d, \"f\": %d,"
                            + " \"p\": %d, \"s\": %d, \"dl4j\": \"%s\", \"formula\": %d, \"matches\": %s}%s%n",
                    c.name, c.padding, c.n, c.f, c.p, c.s, c.dl4j(), c.formula().value(), c.matches(),
                    i + 1 < all.size() ? "," : ""));
        }
        s.append("  ],\n  \"pool_values_match\": ").append(poolValues).append(",\n")
                .append("  \"ok\": ").append(ok).append("\n}\n");
        return s.toString();
    }
}
