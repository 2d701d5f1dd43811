"""Writes a stand-in for Keras's vgg16_weights_tf_dim_ordering_tf_kernels.h5: the same layout (root attribute
layer_names; one group per layer holding <layer>_W_1:0, the kernel as (kh, kw, in, out) or (in, out), and
<layer>_b_1:0; fixed-length strings) and the same shapes, 138,357,544 parameters, 528 MiB, but seeded random weights
(He-normal, so activations keep their scale through the 16 layers). The real file cannot be downloaded here; this
one measures what loading and visualizing a model of VGG16's size costs. Its pictures mean nothing.

    /usr/bin/python3 random_vgg16_weights.py OUT.h5
"""
import sys

import h5py
import numpy as np


def layers():
    names, shapes = ["input_1"], {}
    cin = 3
    for block, (filters, convs) in enumerate([(64, 2), (128, 2), (256, 3), (512, 3), (512, 3)], start=1):
        for conv in range(1, convs + 1):
            name = "block%d_conv%d" % (block, conv)
            names.append(name)
            shapes[name] = (3, 3, cin, filters)
            cin = filters
        names.append("block%d_pool" % block)
    names.append("flatten")
    for name, fan_in, units in [("fc1", 7 * 7 * 512, 4096), ("fc2", 4096, 4096), ("predictions", 4096, 1000)]:
        names.append(name)
        shapes[name] = (fan_in, units)
    return names, shapes


def main():
    names, shapes = layers()
    rng = np.random.default_rng(16)
    with h5py.File(sys.argv[1], "w") as f:
        f.attrs["layer_names"] = np.array([n.encode("utf8") for n in names], dtype="S")
        for name in names:
            g = f.create_group(name)
            if name not in shapes:
                g.attrs["weight_names"] = np.array([], dtype=np.float64)
                continue
            shape = shapes[name]
            weights = [name + "_W_1:0", name + "_b_1:0"]
            g.attrs["weight_names"] = np.array([w.encode("utf8") for w in weights], dtype="S")
            fan_in = int(np.prod(shape[:-1]))
            kernel = (rng.standard_normal(size=shape, dtype=np.float32) * np.float32(np.sqrt(2.0 / fan_in)))
            g.create_dataset(weights[0], data=kernel)
            g.create_dataset(weights[1], data=np.zeros(shape[-1], dtype=np.float32))
    print("written: %s (%d parameters)" % (sys.argv[1], sum(int(np.prod(s)) + s[-1] for s in shapes.values())))


if __name__ == "__main__":
    main()
