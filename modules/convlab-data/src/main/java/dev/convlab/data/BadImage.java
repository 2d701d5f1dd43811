package dev.convlab.data;

import java.nio.file.Path;

/**
 * A file the pre-scan could not read as an image, and why: "empty (0 bytes)", "truncated: ...", "not an image:
 * ...", "unsupported depth: ...", "missing". Under {@code on_bad_image: skip} these are the files left out, and the
 * run manifest lists them.
 */
public record BadImage(Path file, String reason) {
    @Override
    public String toString() {
        return file + " (" + reason + ")";
    }
}
