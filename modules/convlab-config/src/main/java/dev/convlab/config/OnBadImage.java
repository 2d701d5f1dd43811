package dev.convlab.config;

import dev.convlab.config.schema.Doc;

/** What an image folder's pre-scan does with files that cannot be read as images. */
public enum OnBadImage {
    @Doc("refuse to train, listing every bad file") FAIL,
    @Doc("train on the good files; the run manifest lists what was skipped") SKIP
}
