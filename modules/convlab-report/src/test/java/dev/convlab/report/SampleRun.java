package dev.convlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A report's content made to look like a real run: the README's Fashion-MNIST CNN, 12 epochs, the curves and the
 * confusion matrix shaped like that network's (shirts taken for T-shirts, pullovers for coats), precision, recall
 * and F1 computed from the matrix, and synthetic 28x28 images.
 */
final class SampleRun {
    static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot");

    private SampleRun() {
    }

    static List<EpochPoint> history(int epochs) {
        List<EpochPoint> rows = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            double decay = Math.exp(-(e - 1) / 3.5);
            double loss = 0.21 + 0.36 * decay;
            double valLoss = 0.235 + 0.15 * decay + 0.0025 * Math.max(0, e - 8);
            rows.add(new EpochPoint(e, loss, 0.925 - 0.13 * decay, valLoss, 0.915 - 0.055 * decay));
        }
        return rows;
    }

    static long[][] confusion() {
        return new long[][] {
            {862, 1, 16, 21, 4, 1, 88, 0, 7, 0},
            {2, 979, 0, 13, 3, 0, 2, 0, 1, 0},
            {15, 1, 873, 8, 56, 0, 46, 0, 1, 0},
            {17, 4, 10, 922, 25, 0, 20, 0, 2, 0},
            {1, 1, 58, 27, 868, 0, 44, 0, 1, 0},
            {0, 0, 0, 0, 0, 982, 0, 13, 0, 5},
            {112, 1, 60, 26, 71, 0, 721, 0, 9, 0},
            {0, 0, 0, 0, 0, 8, 0, 969, 0, 23},
            {3, 1, 3, 4, 2, 2, 4, 3, 978, 0},
            {0, 0, 0, 0, 0, 5, 1, 32, 0, 962}};
    }

    static ReportContent content() {
        long[][] m = confusion();
        int n = m.length;
        double[] precision = new double[n];
        double[] recall = new double[n];
        double[] f1 = new double[n];
        long correct = 0;
        long total = 0;
        for (int i = 0; i < n; i++) {
            long row = 0;
            long column = 0;
            for (int j = 0; j < n; j++) {
                row += m[i][j];
                column += m[j][i];
                total += m[i][j];
            }
            correct += m[i][i];
            precision[i] = (double) m[i][i] / column;
            recall[i] = (double) m[i][i] / row;
            f1[i] = 2 * precision[i] * recall[i] / (precision[i] + recall[i]);
        }
        return new ReportContent("fashion-cnn-20261121-230051", CONFIG, SUMMARY, history(12), 0.2291,
                (double) correct / total, total, CLASSES, precision, recall, f1, m, misclassified(12),
                List.of(new String[] {"status", "completed"},
                        new String[] {"backend", "cpu (nd4j-native avx2, oneDNN helpers on)"},
                        new String[] {"threads", "2"}, new String[] {"seed", "42"},
                        new String[] {"duration", "8 min 10 s (40.3 s per epoch)"},
                        new String[] {"data", "fashion-mnist: 54,000 train, 6,000 validation, 10,000 test"},
                        new String[] {"convlab", "0.1.0-SNAPSHOT, DL4J 1.0.0-M2.1"}));
    }

    /** Garment-like blobs: a bright rectangle with a soft edge and noise, different per example. */
    static List<Example> misclassified(int count) {
        Random random = new Random(7);
        List<Example> examples = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            float[] pixels = new float[28 * 28];
            int top = 3 + random.nextInt(5);
            int bottom = 22 + random.nextInt(5);
            int left = 5 + random.nextInt(5);
            int right = 19 + random.nextInt(5);
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    boolean inside = y >= top && y <= bottom && x >= left && x <= right;
                    pixels[y * 28 + x] = inside ? 0.55f + 0.4f * random.nextFloat() : 0.03f * random.nextFloat();
                }
            }
            int truth = random.nextInt(CLASSES.size());
            int predicted = (truth + 1 + random.nextInt(CLASSES.size() - 1)) % CLASSES.size();
            examples.add(new Example(pixels, 28, 28, 1, CLASSES.get(truth), CLASSES.get(predicted),
                    0.5 + 0.49 * random.nextDouble()));
        }
        return examples;
    }

    static final String CONFIG = """
            name: fashion-cnn
            seed: 42
            backend: auto
            data:
              dataset: fashion-mnist
              validation_split: 0.1
              batch_size: 64
            model:
              layers:
                - conv2d: {filters: 32, kernel_size: 3, padding: same, activation: relu}
                - max_pooling2d: {pool_size: 2}
                - flatten: {}
                - dropout: {rate: 0.4}
                - dense: {units: 128, activation: relu, kernel_initializer: glorot_uniform}
                - dense: {units: 10, activation: softmax}
            training:
              epochs: 12
              optimizer: {type: adam, learning_rate: 0.001}
              loss: categorical_crossentropy
            """;

    static final String SUMMARY = """
            Model: "fashion-cnn"
            _________________________________________________________________
             Layer (type)                Output Shape              Param #
            =================================================================
             conv2d (Conv2D)             (None, 28, 28, 32)        320
             max_pooling2d (MaxPooling2D) (None, 14, 14, 32)       0
             flatten (Flatten)           (None, 6272)              0
             dropout (Dropout)           (None, 6272)              0
             dense (Dense)               (None, 128)               802944
             dense_1 (Dense)             (None, 10)                1290
            =================================================================
            Total params: 804,554
            Trainable params: 804,554
            Non-trainable params: 0
            _________________________________________________________________
            """;
}
