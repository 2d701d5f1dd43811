package dev.convlab.train;

import dev.convlab.config.BadInput;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A checkpoint could not be written (read-only folder, disk full): the run stops with this error. Nothing was
 * renamed over an existing file, so the previous checkpoint is untouched; the message names it.
 */
final class CheckpointWriteFailed extends BadInput {
    private static final long serialVersionUID = 1L;

    CheckpointWriteFailed(Path file, String previous, Path runDir, IOException cause) {
        super(file.toString(), "cannot write the checkpoint: " + reason(cause),
                (previous != null ? "the previous checkpoint " + previous + " is intact; " : "")
                        + "free disk space or make the folder writable, then: convlab train --resume "
                        + runDir, cause);
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            m = fs.getReason();
        }
        return m != null ? m : e.getClass().getSimpleName();
    }

}
