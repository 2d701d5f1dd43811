package dev.convlab.cli;

import dev.convlab.backend.Backends;
import dev.convlab.config.AugmentationConfig;
import dev.convlab.config.BadInput;
import dev.convlab.config.ConfigProblem;
import dev.convlab.config.RunConfig;
import dev.convlab.config.yaml.LoadedConfig;
import dev.convlab.data.AugmentPreview;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Shows what a config's augmentation does to its training images. */
@Command(name = "augment", description = {
        "Write a PNG grid of training images, each followed by the augmented copies that training makes of it in",
        "epochs 1, 2, ... (the same seeded draws; raw pixels, before rescale and normalisation).",
        "'augment apply' applies one explicit transform to one image, as Keras's apply_transform."},
        subcommands = AugmentApplyCommand.class)
final class AugmentCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Parameters(paramLabel = "CONFIG", arity = "0..1", description = "the YAML config")
    Path config;
    @Option(names = "--preview", paramLabel = "OUT.png", description = "the PNG grid to write")
    Path preview;
    @Option(names = "--samples", paramLabel = "N", defaultValue = "8",
            description = "how many training images (rows; default ${DEFAULT-VALUE})")
    int samples;
    @Option(names = "--versions", paramLabel = "K", defaultValue = "5",
            description = "augmented copies per image (columns after the original; default ${DEFAULT-VALUE})")
    int versions;
    @Mixin
    ConfigOptions options;
    @Mixin
    Common common;

    @Override
    public Integer call() {
        if (config == null || preview == null) {
            throw new BadInput("augment", "needs a CONFIG and --preview OUT.png (or the subcommand apply)",
                    "convlab augment configs/x.yaml --preview preview.png");
        }
        if (samples < 1 || versions < 0) {
            throw new BadInput("--samples/--versions", samples + " samples and " + versions
                    + " versions", "use --samples 1 or more and --versions 0 or more");
        }
        PrintWriter out = spec.commandLine().getOut();
        LoadedConfig loaded = options.load(config);
        RunConfig c = loaded.config();
        Backends.init(c.backend());
        AugmentPreview previewData;
        try {
            previewData = AugmentPreview.of(c.data(), c.seed(), samples, versions);
        } catch (ConfigProblem problem) {
            throw loaded.locate(problem);
        }
        if (previewData.samples().isEmpty()) {
            throw new BadInput(config.toString(), "the training split has no images", "check data.path");
        }
        try {
            AugmentGrid.of(previewData, versions).writePng(preview);
        } catch (IOException e) {
            throw new BadInput(preview.toString(), "cannot be written (" + e.getMessage() + ")",
                    "check that the folder exists and is writable", e);
        } catch (UncheckedIOException e) {
            throw new BadInput(preview.toString(), "cannot be written (" + e.getMessage() + ")",
                    "check that the folder exists and is writable", e);
        }
        AugmentationConfig a = c.data().augmentation();
        out.println("wrote " + preview + ": " + previewData.samples().size() + " training images of "
                + previewData.shape() + ", each followed by " + versions + " augmented copies (epochs 1 to "
                + versions + ")");
        if (a == null || !a.isRandom()) {
            out.println("note: data.augmentation has no random ops, so the copies equal the originals");
        }
        return ExitCode.OK;
    }
}
