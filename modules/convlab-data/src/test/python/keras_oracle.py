#!/usr/bin/python3
"""The Keras reference for convlab's augmentation tests: runs keras_preprocessing's
ImageDataGenerator.apply_transform (1.1.0, Debian's python3-keras-preprocessing, with scipy) on one image for a
list of parameter sets and writes the results as little-endian float32, HWC, one case after another.

  keras_oracle.py array IN.f32 H W C CASES.json OUT.f32    input: float32 HWC
  keras_oracle.py png IN.png CASES.json OUT.f32             input: an 8-bit PNG read with PIL ('L' or 'RGB')

CASES.json is a list of {"theta", "tx", "ty", "shear", "zx", "zy", "flip_horizontal", "flip_vertical",
"channel_shift_intensity", "brightness", "fill_mode", "cval"}. Prints the versions and the input's H W C.
"""
import json
import sys

import numpy as np
import scipy
import keras_preprocessing
from keras_preprocessing.image import ImageDataGenerator
from PIL import Image


def main(argv):
    if argv[1] == "array":
        h, w, c = int(argv[3]), int(argv[4]), int(argv[5])
        x = np.fromfile(argv[2], dtype="<f4").reshape(h, w, c)
        cases_file, out_file = argv[6], argv[7]
    elif argv[1] == "png":
        image = Image.open(argv[2])
        if image.mode not in ("L", "RGB"):
            raise SystemExit("expected an 8-bit grey or RGB PNG, got mode " + image.mode)
        x = np.asarray(image, dtype="float32")
        if x.ndim == 2:
            x = x[:, :, np.newaxis]
        cases_file, out_file = argv[3], argv[4]
    else:
        raise SystemExit(__doc__)
    with open(cases_file) as f:
        cases = json.load(f)
    outputs = []
    for case in cases:
        generator = ImageDataGenerator(fill_mode=case["fill_mode"], cval=case["cval"])
        params = {k: case[k] for k in ("theta", "tx", "ty", "shear", "zx", "zy", "flip_horizontal",
                                       "flip_vertical", "channel_shift_intensity", "brightness")}
        y = generator.apply_transform(x.astype("float32"), params)
        outputs.append(np.ascontiguousarray(y, dtype="<f4"))
    with open(out_file, "wb") as f:
        for y in outputs:
            f.write(y.tobytes())
    print("keras_preprocessing", keras_preprocessing.__version__, "scipy", scipy.__version__, "numpy",
          np.__version__)
    print(x.shape[0], x.shape[1], x.shape[2])


if __name__ == "__main__":
    main(sys.argv)
