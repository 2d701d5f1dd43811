package dev.convlab.cli;

import dev.convlab.config.BadInput;
import dev.convlab.config.DataConfig;
import dev.convlab.config.ImageShape;
import dev.convlab.data.ImageChannels;
import dev.convlab.data.augment.Standardizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.datavec.image.loader.NativeImageLoader;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "predict", description = "Classify image files with a saved model: top classes with probabilities.")
final class PredictCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "MODEL", description = "a model.zip written by convlab train")
    Path model;
    @Parameters(index = "1..*", arity = "1..*", paramLabel = "IMAGE", description = "image files (png, jpg, ...)")
    List<Path> images;
    @Option(names = "--top", defaultValue = "3", description = "how many classes to show per image (default ${DEFAULT-VALUE})")
    int top;
    @Mixin
    ConfigOptions options;
    @Mixin
    Common common;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Path image : images) {
            if (!Files.isRegularFile(image)) {
                throw new BadInput(image.toString(), Files.exists(image) ? "is not a file" : "no such image file",
                        "check the path");
            }
        }
        ModelFile file = ModelFile.open(model, options);
        DataConfig data = file.config().config().data();
        ImageShape shape = data.inputShape();
        NativeImageLoader loader = ImageChannels.loader(shape, data.interpolation());
        Standardizer standardizer = standardizer(data, file);
        List<String> labels = file.bundle().labels();
        for (Path image : images) {
            INDArray x = standardize(read(loader, image), standardizer, shape);
            INDArray p = file.bundle().network().output(x, false);
            out.println(image + ":");
            for (Prediction prediction : top(p, labels)) {
                out.printf(Locale.ROOT, "  %-20s %6.2f%%%n", prediction.label, 100 * prediction.probability);
            }
        }
        return ExitCode.OK;
    }

    private static INDArray read(NativeImageLoader loader, Path image) {
        try {
            INDArray x = loader.asMatrix(image.toFile());
            if (x == null) {
                throw new BadInput(image.toString(), "cannot be decoded as an image", "give a png, jpg, bmp or gif file");
            }
            return x.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInput bad) {
                throw bad;
            }
            throw new BadInput(image.toString(), "cannot be read as an image (" + e.getMessage() + ")",
                    "give a png, jpg, bmp or gif file", e);
        }
    }

    /** Rescale and data.augmentation's normalisation, with the training statistics saved in the model. */
    private static Standardizer standardizer(DataConfig data, ModelFile file) {
        try {
            return new Standardizer(data.rescale(), data.augmentation(), file.bundle().featurewise());
        } catch (IllegalArgumentException e) {
            throw new BadInput(file.toString(), "the config asks for featurewise normalisation but the model file"
                    + " has no training statistics", "retrain the model with this version of convlab");
        }
    }

    private static INDArray standardize(INDArray image, Standardizer standardizer, ImageShape shape) {
        float[] x = image.dup('c').data().asFloat();
        standardizer.apply(x, 0, shape.channels(), shape.height() * shape.width());
        return Nd4j.create(x, image.shape(), 'c');
    }

    private record Prediction(String label, double probability) {
    }

    private List<Prediction> top(INDArray p, List<String> labels) {
        List<Prediction> all = new ArrayList<>();
        if (p.size(1) == 1) {
            double one = p.getDouble(0, 0);
            all.add(new Prediction(labels.get(1), one));
            all.add(new Prediction(labels.get(0), 1 - one));
        } else {
            for (int i = 0; i < p.size(1); i++) {
                all.add(new Prediction(labels.get(i), p.getDouble(0, i)));
            }
        }
        all.sort((a, b) -> Double.compare(b.probability, a.probability));
        return all.subList(0, Math.min(Math.max(top, 1), all.size()));
    }
}
