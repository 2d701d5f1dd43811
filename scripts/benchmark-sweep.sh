#!/usr/bin/env bash
# Measures a sweep's wall time with parallel: 1 (one trial at a time, all cores to it) against parallel: 2 (two
# trials at once, the cores divided), on configs/sweeps/batch-and-epochs.yaml without refit, and prints a Markdown
# table for docs/benchmarks.md. Run on a quiet machine: other work on the cores changes both numbers.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
sed -e 's/^base: \.\.\/mnist-cnn.yaml/base: '"$(pwd | sed 's/[\/&]/\\&/g')"'\/configs\/mnist-cnn.yaml/' \
    configs/sweeps/batch-and-epochs.yaml > "$out/sweep.yaml"
printf 'refit: false\noutput_dir: %s/sweeps\n' "$out" >> "$out/sweep.yaml"
scripts/convlab check configs/mnist-cnn.yaml >/dev/null   # builds convlab if needed, outside the timing
declare -A seconds best
for p in 1 2; do
    start=$(date +%s.%N)
    scripts/convlab sweep "$out/sweep.yaml" --parallel "$p" > "$out/log-$p.txt" 2>&1
    end=$(date +%s.%N)
    seconds[$p]=$(echo "$end - $start" | bc)
    best[$p]=$(grep '^best_params' "$out/log-$p.txt" | head -1)
done
cores=$(nproc)
echo "| sweep (6 trials x 3 folds = 18 trainings) | wall time | ratio |"
echo "| --- | --- | --- |"
printf '| parallel: 1, %d threads per trial | %.0f s | 1.00 |\n' "$cores" "${seconds[1]}"
printf '| parallel: 2, %d thread(s) per trial | %.0f s | %.2f |\n' $((cores / 2 > 0 ? cores / 2 : 1)) "${seconds[2]}" \
    "$(echo "${seconds[1]} / ${seconds[2]}" | bc -l)"
echo
echo "parallel 1: ${best[1]}"
echo "parallel 2: ${best[2]}"
