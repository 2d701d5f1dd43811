package dev.convlab.viz;

import dev.convlab.config.BadInput;
import dev.convlab.config.Interpolation;
import dev.convlab.data.ImageChannels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.datavec.image.loader.NativeImageLoader;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An image file read as training read its images: decoded, converted to the network's channels, resized with the
 * config's interpolation ({@link ImageChannels}), then standardised.
 *
 * @param raw   the pixels before standardisation, 0..255, CHW: what is shown
 * @param input the pixels the network is fed, CHW
 */
public record InputImage(Path file, float[] raw, double[] input) {

    /**
     * @throws BadInput when the file does not exist or cannot be decoded as an image
     */
    public static InputImage read(Path file, InputSpace space, Interpolation interpolation) {
        if (!Files.isRegularFile(file)) {
            throw new BadInput(file.toString(), Files.exists(file) ? "is not a file" : "no such image file",
                    "check the path");
        }
        NativeImageLoader loader = ImageChannels.loader(space.shape(), interpolation);
        INDArray x;
        try {
            x = loader.asMatrix(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new BadInput(file.toString(), "cannot be read as an image (" + e.getMessage() + ")",
                    "give a png, jpg, bmp or gif file", e);
        }
        if (x == null) {
            throw new BadInput(file.toString(), "cannot be decoded as an image", "give a png, jpg, bmp or gif file");
        }
        float[] raw = x.castTo(DataType.FLOAT).dup('c').data().asFloat();
        if (raw.length != space.size()) {
            throw new BadInput(file.toString(), "was read as " + raw.length + " values, not the "
                    + space.shape() + " the network takes", "give a png, jpg, bmp or gif file");
        }
        double[] values = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            values[i] = raw[i];
        }
        return new InputImage(file, raw, space.standardize(values));
    }
}
