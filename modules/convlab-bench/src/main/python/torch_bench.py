#!/usr/bin/env python3
"""PyTorch side of convlab's benchmark (issue 3): the same three networks, optimizers, batch sizes and thread
count as the DL4J runs, one measurement per process, one JSON line appended to --out in the format the Java
mains write. Called by scripts/benchmark.sh; run it with the interpreter that has torch (/usr/bin/python3 with
Debian's python3-torch).

  torch_bench.py throughput --network mnist-cnn --mode train --batch 64 --threads 2 \
      --warmup 20 --min-steps 60 --min-seconds 15 --max-seconds 60 --out results.jsonl
  torch_bench.py gemm --sizes 2048,4096 --threads 2 --min-seconds 5 --out results.jsonl
"""
import argparse
import json
import time

import torch
from torch import nn

FEWEST_STEPS = 3  # as Budget.java: a slow case stops at max-seconds once it has this many steps


def mnist_cnn():
    """conv32-pool-conv64-pool-dense128-dense10 on 28x28x1; softmax is inside CrossEntropyLoss."""
    model = nn.Sequential(
        nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(5 * 5 * 64, 128), nn.ReLU(), nn.Linear(128, 10))
    return model, (1, 28, 28), nn.CrossEntropyLoss(), lambda p: torch.optim.Adam(p, lr=1e-3, eps=1e-7)


def cats_dogs_cnn():
    """The Keras tutorial's network; the sigmoid is inside BCEWithLogitsLoss. RMSprop with Keras's rho and eps."""
    layers, channels = [], 3
    for filters in (32, 64, 128, 128):
        layers += [nn.Conv2d(channels, filters, 3), nn.ReLU(), nn.MaxPool2d(2)]
        channels = filters
    model = nn.Sequential(*layers, nn.Flatten(), nn.Dropout(0.5),
                          nn.Linear(7 * 7 * 128, 512), nn.ReLU(), nn.Linear(512, 1))
    return model, (3, 150, 150), nn.BCEWithLogitsLoss(), \
        lambda p: torch.optim.RMSprop(p, lr=1e-4, alpha=0.9, eps=1e-7)


def vgg16():
    """Keras's VGG16 (no dropout, unlike torchvision's), written out so both sides run the same layers."""
    layers, channels = [], 3
    for filters, convs in ((64, 2), (128, 2), (256, 3), (512, 3), (512, 3)):
        for _ in range(convs):
            layers += [nn.Conv2d(channels, filters, 3, padding=1), nn.ReLU()]
            channels = filters
        layers.append(nn.MaxPool2d(2))
    model = nn.Sequential(*layers, nn.Flatten(), nn.Linear(7 * 7 * 512, 4096), nn.ReLU(),
                          nn.Linear(4096, 4096), nn.ReLU(), nn.Linear(4096, 1000))
    return model, (3, 224, 224), nn.CrossEntropyLoss(), \
        lambda p: torch.optim.SGD(p, lr=0.01, momentum=0.9)


NETWORKS = {"mnist-cnn": mnist_cnn, "cats-dogs-cnn": cats_dogs_cnn, "vgg16": vgg16}


def peak_rss_bytes():
    """VmHWM, the resident high-water mark, read exactly as PeakMemory.java reads it."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return -1


def forward_flops_per_image(model, shape):
    """Flops.java's convention: 2*kh*kw*cin*cout*oh*ow per convolution, 2*in*out per dense layer, nothing else."""
    total = [0]

    def conv_hook(module, _inputs, output):
        kh, kw = module.kernel_size
        total[0] += 2 * kh * kw * module.in_channels * module.out_channels * output.shape[2] * output.shape[3]

    def linear_hook(module, _inputs, _output):
        total[0] += 2 * module.in_features * module.out_features

    hooks = [m.register_forward_hook(conv_hook) for m in model.modules() if isinstance(m, nn.Conv2d)]
    hooks += [m.register_forward_hook(linear_hook) for m in model.modules() if isinstance(m, nn.Linear)]
    with torch.no_grad():
        model(torch.zeros(1, *shape))
    for h in hooks:
        h.remove()
    return total[0]


def measure(step, args):
    """Budget.java's rule: warm-up (at least warmup steps and warmup-seconds) thrown away, then at least min-steps
    and min-seconds, cut at max-seconds."""
    start, done = time.perf_counter(), 0
    while done < args.warmup or time.perf_counter() - start < args.warmup_seconds:
        step()
        done += 1
    times, start = [], time.perf_counter()
    while True:
        elapsed = time.perf_counter() - start
        if len(times) >= args.min_steps and elapsed >= args.min_seconds:
            break
        if elapsed >= args.max_seconds and len(times) >= min(FEWEST_STEPS, args.min_steps):
            break
        t0 = time.perf_counter()
        step()
        times.append(time.perf_counter() - t0)
    return times


def throughput(args):
    torch.manual_seed(42)
    model, shape, loss_fn, optimizer_for = NETWORKS[args.network]()
    forward = forward_flops_per_image(model, shape)
    x = torch.rand(args.batch, *shape)
    if isinstance(loss_fn, nn.BCEWithLogitsLoss):
        y = torch.randint(0, 2, (args.batch, 1)).float()
    else:
        y = torch.randint(0, model[-1].out_features, (args.batch,))
    train = args.mode == "train"
    last_loss = [None]
    if train:
        model.train()
        optimizer = optimizer_for(model.parameters())

        def step():
            optimizer.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            optimizer.step()
            last_loss[0] = loss.item()
    else:
        model.eval()

        def step():
            with torch.no_grad():
                model(x)

    times = measure(step, args)
    total = sum(times)
    images_per_s = len(times) * args.batch / total
    mean = total / len(times)
    variation = (sum((t - mean) ** 2 for t in times) / len(times)) ** 0.5 / mean
    result = {
        "kind": "throughput", "network": args.network, "impl": args.impl, "mode": args.mode, "batch": args.batch,
        "warmup_steps": args.warmup, "warmup_seconds": args.warmup_seconds, "steps": len(times), "seconds": total,
        "images_per_s": images_per_s,
        "step_ms_median": sorted(times)[len(times) // 2] * 1000, "step_variation": variation,
        "params": sum(p.numel() for p in model.parameters()), "forward_flops_per_image": forward,
        "gflops_per_s": (3 if train else 1) * forward * images_per_s / 1e9, "peak_rss_bytes": peak_rss_bytes(),
    }
    if train:
        result["last_loss"] = last_loss[0]
    if args.round is not None:
        result["round"] = args.round
    result.update(facts())
    append(args.out, result)


def gemm(args):
    for n in (int(s) for s in args.sizes.split(",")):
        a, b, c = torch.rand(n, n), torch.rand(n, n), torch.empty(n, n)
        args.warmup, args.min_steps, args.max_seconds = 2, 3, 10 * args.min_seconds
        times = measure(lambda: torch.mm(a, b, out=c), args)
        result = {"kind": "gemm", "impl": "pytorch", "n": n, "reps": len(times), "seconds": sum(times),
                  "gflops_per_s": 2.0 * n ** 3 * len(times) / sum(times) / 1e9}
        result.update(facts())
        append(args.out, result)


def facts():
    on = torch.backends.mkldnn.is_available() and torch.backends.mkldnn.enabled
    capability = "unknown"
    for line in torch.__config__.show().splitlines():
        if "CPU capability usage:" in line:  # ATen's own vector kernels; oneDNN picks its ISA itself
            capability = line.split(":", 1)[1].strip()
    return {"threads": torch.get_num_threads(), "torch_version": torch.__version__,
            "native_build": "torch %s, oneDNN %s, ATen %s" % (torch.__version__, "on" if on else "off", capability)}


def append(path, result):
    line = json.dumps(result)
    with open(path, "a") as f:
        f.write(line + "\n")
    print("result: " + line, flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["throughput", "gemm"])
    parser.add_argument("--network", choices=sorted(NETWORKS))
    parser.add_argument("--mode", choices=["train", "infer"])
    parser.add_argument("--batch", type=int)
    parser.add_argument("--threads", type=int, required=True)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--warmup-seconds", type=float, default=0)
    parser.add_argument("--min-steps", type=int, default=3)
    parser.add_argument("--min-seconds", type=float, default=0)
    parser.add_argument("--max-seconds", type=float, default=60)
    parser.add_argument("--sizes", default="2048,4096")
    parser.add_argument("--out", required=True)
    parser.add_argument("--round", type=int, default=None)
    parser.add_argument("--impl", default="pytorch", help="the name written in the result line")
    args = parser.parse_args()
    # the same number of threads as ND4J uses; set before the first operation creates the pool
    torch.set_num_threads(args.threads)
    if args.what == "gemm":
        gemm(args)
    else:
        throughput(args)


if __name__ == "__main__":
    main()
