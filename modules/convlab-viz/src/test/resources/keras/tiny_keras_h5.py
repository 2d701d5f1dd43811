"""Writes a tiny VGG-style Keras model as Keras writes .h5 files, with h5py and numpy only, and its reference outputs.

    /usr/bin/python3 tiny_keras_h5.py OUT_DIR [fixed|vlen]

The network: InputLayer 16x16x3, Conv2D 4 3x3 same relu "block1_conv1", MaxPooling2D "block1_pool", Conv2D 6 3x3
same relu "block2_conv1", MaxPooling2D "block2_pool", Flatten "flatten", Dense 8 relu "fc1", Dense 5 softmax
"predictions"; seeded random weights (float32, as Keras stores them).

Files written into OUT_DIR:
  tiny-sequential.h5  model.save() of a Sequential model: root attrs model_config, keras_version, backend; weights in
                      model_weights/<layer>/<layer>/kernel:0 and bias:0, listed by weight_names
  tiny-functional.h5  the same network as a functional Model (class_name "Model", inbound_nodes), as VGG16() is
  tiny-weights.h5     weights only, laid out as Keras's vgg16_weights_tf_dim_ordering_tf_kernels.h5 is: root attr
                      layer_names, one group per layer holding <layer>_W_1:0 and <layer>_b_1:0, no model_config
  tiny-weights-keras2.h5  weights only, as Keras 2's model.save_weights() writes them: root attrs layer_names,
                      keras_version, backend; <layer>/<layer>/kernel:0 and bias:0
  tiny-model.json     model.to_json() of the functional model, in the style of the VGG16 JSON convlab ships
  not-keras.h5        an HDF5 file that is not a Keras file (one data set, no Keras attributes)
  reference.json      a fixed raw RGB input, and what a numpy forward pass with Keras's semantics (NHWC, "same"
                      padding as TensorFlow pads, cross-correlation, 2x2 max pooling, Flatten in H, W, C order)
                      computes from it after preprocess_input(mode="caffe"): both conv layers' outputs, the
                      scores before softmax, the probabilities, and the gradients, with respect to the network's
                      input, of block1_conv1's channel-0 mean and of the score of class 3 (backpropagated by hand)

"fixed" (default) stores strings as h5py 2 did, which is how Keras wrote files before 2021 and how the VGG16
weights file is stored: fixed-length byte strings. "vlen" stores them as h5py 3 does: variable-length strings.
Nothing here imports Keras or convlab: the reference is an independent computation.
"""
import json
import os
import sys

import h5py
import numpy as np

H, W, C = 16, 16, 3
CAFFE_MEAN_BGR = [103.939, 116.779, 123.68]
GLOROT = {"class_name": "VarianceScaling",
          "config": {"scale": 1.0, "mode": "fan_avg", "distribution": "uniform", "seed": None}}
ZEROS = {"class_name": "Zeros", "config": {}}


def conv_config(name, filters):
    return {"name": name, "trainable": True, "filters": filters, "kernel_size": [3, 3], "strides": [1, 1],
            "padding": "same", "data_format": "channels_last", "dilation_rate": [1, 1], "activation": "relu",
            "use_bias": True, "kernel_initializer": GLOROT, "bias_initializer": ZEROS, "kernel_regularizer": None,
            "bias_regularizer": None, "activity_regularizer": None, "kernel_constraint": None,
            "bias_constraint": None}


def pool_config(name):
    return {"name": name, "trainable": True, "pool_size": [2, 2], "padding": "valid", "strides": [2, 2],
            "data_format": "channels_last"}


def dense_config(name, units, activation):
    return {"name": name, "trainable": True, "units": units, "activation": activation, "use_bias": True,
            "kernel_initializer": GLOROT, "bias_initializer": ZEROS, "kernel_regularizer": None,
            "bias_regularizer": None, "activity_regularizer": None, "kernel_constraint": None,
            "bias_constraint": None}


LAYERS = [
    ("input_1", "InputLayer", {"batch_input_shape": [None, H, W, C], "dtype": "float32", "sparse": False,
                               "name": "input_1"}),
    ("block1_conv1", "Conv2D", conv_config("block1_conv1", 4)),
    ("block1_pool", "MaxPooling2D", pool_config("block1_pool")),
    ("block2_conv1", "Conv2D", conv_config("block2_conv1", 6)),
    ("block2_pool", "MaxPooling2D", pool_config("block2_pool")),
    ("flatten", "Flatten", {"name": "flatten", "trainable": True, "data_format": "channels_last"}),
    ("fc1", "Dense", dense_config("fc1", 8, "relu")),
    ("predictions", "Dense", dense_config("predictions", 5, "softmax")),
]


def weights():
    """Seeded weights, as Keras holds them: conv kernels (kh, kw, in, out), dense kernels (in, out), biases."""
    rng = np.random.RandomState(20261122)
    shapes = {"block1_conv1": (3, 3, 3, 4), "block2_conv1": (3, 3, 4, 6), "fc1": (4 * 4 * 6, 8),
              "predictions": (8, 5)}
    out = {}
    for name, shape in shapes.items():
        fan_in = int(np.prod(shape[:-1]))
        kernel = rng.normal(0.0, 1.0 / np.sqrt(fan_in), size=shape)
        if name == "block1_conv1":
            kernel = kernel / 60.0   # caffe inputs are about +-128: keep activations near 1
        bias = rng.normal(0.0, 0.1, size=shape[-1])
        out[name] = (kernel.astype(np.float32), bias.astype(np.float32))
    return out


# ------------------------------------------------------------------------------------------- the reference


def conv_same(x, kernel, bias):
    """Keras Conv2D, 3x3, stride 1, padding 'same' (one zero row/column each side), cross-correlation; x is HWC."""
    kh, kw, _, out = kernel.shape
    padded = np.zeros((x.shape[0] + kh - 1, x.shape[1] + kw - 1, x.shape[2]))
    padded[kh // 2:kh // 2 + x.shape[0], kw // 2:kw // 2 + x.shape[1], :] = x
    y = np.zeros((x.shape[0], x.shape[1], out))
    for i in range(x.shape[0]):
        for j in range(x.shape[1]):
            patch = padded[i:i + kh, j:j + kw, :]
            y[i, j, :] = np.tensordot(patch, kernel.astype(np.float64), axes=([0, 1, 2], [0, 1, 2])) + bias
    return y


def max_pool(x):
    h, w, c = x.shape
    return x[:h // 2 * 2, :w // 2 * 2, :].reshape(h // 2, 2, w // 2, 2, c).max(axis=(1, 3))


def relu(x):
    return np.maximum(x, 0.0)


def caffe(raw_rgb):
    """keras_applications.imagenet_utils.preprocess_input(mode='caffe'): RGB -> BGR, minus the ImageNet means."""
    x = raw_rgb.astype(np.float64)[..., ::-1]
    return x - np.array(CAFFE_MEAN_BGR)


def conv_same_backward(grad_out, kernel):
    """d loss / d input of conv_same, from d loss / d output: each output position spreads its gradient over its
    3x3 window, weighted by the kernel."""
    kh, kw, cin, _ = kernel.shape
    h, w, _ = grad_out.shape
    padded = np.zeros((h + kh - 1, w + kw - 1, cin))
    for i in range(h):
        for j in range(w):
            padded[i:i + kh, j:j + kw, :] += np.tensordot(kernel.astype(np.float64), grad_out[i, j, :], axes=([3], [0]))
    return padded[kh // 2:kh // 2 + h, kw // 2:kw // 2 + w, :]


def max_pool_backward(grad_out, x):
    """The gradient goes to the largest input of each 2x2 window (no ties in these real-valued activations)."""
    grad = np.zeros_like(x)
    for i in range(grad_out.shape[0]):
        for j in range(grad_out.shape[1]):
            for c in range(x.shape[2]):
                window = x[2 * i:2 * i + 2, 2 * j:2 * j + 2, c]
                k = np.unravel_index(np.argmax(window), window.shape)
                grad[2 * i + k[0], 2 * j + k[1], c] += grad_out[i, j, c]
    return grad


def reference(w, raw):
    x = caffe(raw)
    pre1 = conv_same(x, *w["block1_conv1"])
    a1 = relu(pre1)
    p1 = max_pool(a1)
    pre2 = conv_same(p1, *w["block2_conv1"])
    a2 = relu(pre2)
    p2 = max_pool(a2)
    flat = p2.reshape(-1)                  # H, W, C order, as Keras's Flatten on channels_last
    pre3 = flat @ w["fc1"][0].astype(np.float64) + w["fc1"][1]
    h = relu(pre3)
    logits = h @ w["predictions"][0].astype(np.float64) + w["predictions"][1]
    # d logits[3] / d x, layer by layer back to the input
    g = w["predictions"][0][:, 3].astype(np.float64) * (pre3 > 0)
    g = (w["fc1"][0].astype(np.float64) @ g).reshape(p2.shape)
    g = max_pool_backward(g, a2) * (pre2 > 0)
    g = conv_same_backward(g, w["block2_conv1"][0])
    g = max_pool_backward(g, a1) * (pre1 > 0)
    grad_class3 = conv_same_backward(g, w["block1_conv1"][0])
    p = np.exp(logits - logits.max())
    p /= p.sum()
    # d mean(block1_conv1[..., 0]) / d x: each position where the ReLU is on adds kernel[..., 0] over its window
    kernel0 = w["block1_conv1"][0][..., 0].astype(np.float64)
    grad = np.zeros((H + 2, W + 2, C))
    for i in range(H):
        for j in range(W):
            if pre1[i, j, 0] > 0:
                grad[i:i + 3, j:j + 3, :] += kernel0
    grad = grad[1:H + 1, 1:W + 1, :] / (H * W)
    chw = lambda a: np.transpose(a, (2, 0, 1)).reshape(-1).tolist()
    return {"raw_rgb_hwc": raw.reshape(-1).tolist(), "input_chw": chw(x), "block1_conv1_chw": chw(a1),
            "block2_conv1_chw": chw(a2), "logits": logits.tolist(), "probabilities": p.tolist(),
            "grad_block1_conv1_0_chw": chw(grad), "grad_class_3_chw": chw(grad_class3),
            "params": int(sum(k.size + b.size for k, b in w.values()))}


# ------------------------------------------------------------------------------------------- the files


def strings(values, vlen):
    if vlen:
        return [v.encode("utf8") for v in values]      # h5py 3 stores a list of bytes as variable-length strings
    return np.array([v.encode("utf8") for v in values], dtype="S")   # h5py 2 / numpy: fixed-length


def one_string(value, vlen):
    return value.encode("utf8") if vlen else np.bytes_(value.encode("utf8"))


def empty_names(vlen):
    # Keras writes np.asarray([]) for a layer without weights: an empty float64 array
    return np.array([], dtype=np.float64)


def functional_config():
    layers = []
    previous = None
    for name, cls, cfg in LAYERS:
        layers.append({"name": name, "class_name": cls, "config": cfg,
                       "inbound_nodes": [] if previous is None else [[[previous, 0, 0, {}]]]})
        previous = name
    return {"class_name": "Model", "config": {"name": "tiny_vgg", "layers": layers,
                                              "input_layers": [["input_1", 0, 0]],
                                              "output_layers": [["predictions", 0, 0]]}}


def sequential_config():
    return {"class_name": "Sequential", "config": {"name": "sequential_1", "layers": [
        {"class_name": cls, "config": cfg} for _, cls, cfg in LAYERS]}}


def write_full(path, config, layer_names, w, vlen):
    with h5py.File(path, "w") as f:
        f.attrs["keras_version"] = one_string("2.2.4", vlen)
        f.attrs["backend"] = one_string("tensorflow", vlen)
        f.attrs["model_config"] = one_string(json.dumps(config), vlen)
        write_weights(f.create_group("model_weights"), layer_names, w, vlen)


def write_weights(group, layer_names, w, vlen):
    """Keras 2's save_weights_to_hdf5_group: one group per layer, its weights listed by weight_names."""
    group.attrs["layer_names"] = strings(layer_names, vlen)
    group.attrs["backend"] = one_string("tensorflow", vlen)
    group.attrs["keras_version"] = one_string("2.2.4", vlen)
    for name in layer_names:
        lg = group.create_group(name)
        if name in w:
            names = [name + "/kernel:0", name + "/bias:0"]
            lg.attrs["weight_names"] = strings(names, vlen)
            for n, value in zip(names, w[name]):
                lg.create_dataset(n, data=value)
        else:
            lg.attrs["weight_names"] = empty_names(vlen)


def write_weights_keras1(path, layer_names, w, vlen):
    with h5py.File(path, "w") as f:
        f.attrs["layer_names"] = strings(layer_names, vlen)
        for name in layer_names:
            lg = f.create_group(name)
            if name in w:
                names = [name + "_W_1:0", name + "_b_1:0"]
                lg.attrs["weight_names"] = strings(names, vlen)
                for n, value in zip(names, w[name]):
                    lg.create_dataset(n, data=value)
            else:
                lg.attrs["weight_names"] = empty_names(vlen)


def main():
    out = sys.argv[1]
    vlen = len(sys.argv) > 2 and sys.argv[2] == "vlen"
    os.makedirs(out, exist_ok=True)
    w = weights()
    all_names = [name for name, _, _ in LAYERS]
    write_full(os.path.join(out, "tiny-sequential.h5"), sequential_config(), all_names[1:], w, vlen)
    write_full(os.path.join(out, "tiny-functional.h5"), functional_config(), all_names, w, vlen)
    write_weights_keras1(os.path.join(out, "tiny-weights.h5"), all_names, w, vlen)
    with h5py.File(os.path.join(out, "tiny-weights-keras2.h5"), "w") as f:
        write_weights(f, all_names, w, vlen)
    model_json = dict(functional_config(), keras_version="2.2.4", backend="tensorflow")
    with open(os.path.join(out, "tiny-model.json"), "w") as f:
        json.dump(model_json, f)
    with h5py.File(os.path.join(out, "not-keras.h5"), "w") as f:
        f.create_dataset("numbers", data=np.arange(10, dtype=np.float32))
    raw = np.random.RandomState(7).randint(0, 256, size=(H, W, C)).astype(np.uint8)
    with open(os.path.join(out, "reference.json"), "w") as f:
        json.dump(reference(w, raw), f)


if __name__ == "__main__":
    main()
