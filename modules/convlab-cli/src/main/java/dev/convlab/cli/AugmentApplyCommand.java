package dev.convlab.cli;

import dev.convlab.config.BadInput;
import dev.convlab.config.FillMode;
import dev.convlab.data.augment.KerasTransform;
import dev.convlab.data.augment.PixelImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * One explicit transform on one image, taking exactly the parameters of Keras's
 * {@code ImageDataGenerator.apply_transform} with Keras's meaning, so its output can be compared with Keras's pixel
 * by pixel. The image keeps its size and its channels (grey, or RGB with alpha dropped).
 */
@Command(name = "apply", description = {
        "Apply one transform to one image, with the parameters and meaning of Keras's",
        "ImageDataGenerator.apply_transform: one affine map about the centre (rotation, shift, shear, zoom),",
        "then channel shift, flips, brightness. Writes an 8-bit PNG (values rounded)."})
final class AugmentApplyCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Parameters(paramLabel = "IMAGE", description = "the image file (png, jpg, ...)")
    Path image;
    @Option(names = "--theta", paramLabel = "DEG", defaultValue = "0", description = "rotation in degrees")
    double theta;
    @Option(names = "--tx", paramLabel = "PX", defaultValue = "0",
            description = "shift along rows (vertical), in pixels; positive moves the content up")
    double tx;
    @Option(names = "--ty", paramLabel = "PX", defaultValue = "0",
            description = "shift along columns (horizontal), in pixels; positive moves the content left")
    double ty;
    @Option(names = "--shear", paramLabel = "DEG", defaultValue = "0", description = "shear angle in degrees")
    double shear;
    @Option(names = "--zx", paramLabel = "Z", defaultValue = "1",
            description = "zoom of rows; above 1 the content gets smaller")
    double zx;
    @Option(names = "--zy", paramLabel = "Z", defaultValue = "1",
            description = "zoom of columns; above 1 the content gets smaller")
    double zy;
    @Option(names = "--flip-horizontal", description = "flip left-right (after the affine map)")
    boolean flipHorizontal;
    @Option(names = "--flip-vertical", description = "flip upside down (after the affine map)")
    boolean flipVertical;
    @Option(names = "--brightness", paramLabel = "B",
            description = "brightness factor, as Keras (the image is scaled so its maximum is 255 first)")
    Double brightness;
    @Option(names = "--channel-shift", paramLabel = "I",
            description = "add I to every pixel, clipped to the image's own range")
    Double channelShift;
    @Option(names = "--fill-mode", paramLabel = "MODE", defaultValue = "nearest",
            description = "constant, nearest, reflect or wrap (default ${DEFAULT-VALUE})")
    FillMode fillMode;
    @Option(names = "--cval", paramLabel = "V", defaultValue = "0", description = "fill value of constant, 0..255")
    double cval;
    @Option(names = {"-o", "--output"}, paramLabel = "OUT.png", required = true, description = "the PNG to write")
    Path output;
    @Mixin
    Common common;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        KerasTransform t;
        try {
            t = new KerasTransform(theta, tx, ty, shear, zx, zy, flipHorizontal, flipVertical, channelShift,
                    brightness);
        } catch (IllegalArgumentException e) {
            throw new BadInput("augment apply", e.getMessage(), "give finite numbers, and a brightness of 0 or more");
        }
        PixelImage in = PixelImage.read(image);
        PixelImage result = in.apply(t, fillMode, cval);
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new BadInput(output.toString(), "its folder does not exist", "create " + parent + " first");
        }
        try {
            result.writePng(output);
        } catch (IOException e) {
            throw new BadInput(output.toString(), "cannot be written (" + e.getMessage() + ")", "check the path", e);
        }
        out.println("wrote " + output + ": " + in.height() + "x" + in.width() + "x" + in.channels() + ", " + t
                + ", fill_mode " + fillMode.name().toLowerCase(java.util.Locale.ROOT)
                + (fillMode == FillMode.CONSTANT ? " cval " + cval : ""));
        return ExitCode.OK;
    }
}
