#!/usr/bin/env bash
# Issue 3's benchmark in one command: training and inference images/s, GFLOP/s and peak memory of three networks
# (MNIST CNN, cats-vs-dogs CNN, VGG16) for convlab from YAML, plain DL4J, DL4J by hand with convlab's settings and
# PyTorch; the machine's matrix-multiply rate; the data wait of an image folder. Writes docs/benchmarks.md.
#
#   scripts/benchmark.sh           full run, about an hour on 2 cores: run it on an otherwise quiet machine
#   scripts/benchmark.sh --quick   a few steps per measurement (about 3 minutes): checks the whole chain
#
# Options: --no-build (use the jars already built), --out FILE (instead of docs/benchmarks.md).
# Environment: BENCH_PYTHON  python with torch (default /usr/bin/python3, Debian's python3-torch)
#              BENCH_THREADS threads for every measurement (default: ND4J's own default, one per physical core)
#              BENCH_TIMEOUT seconds before one measurement is given up (default 900)
set -euo pipefail
# The whole script is one block, read before it runs: editing this file during a 20-minute run cannot derail it.
{
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
quick=0; build=1; out="$root/docs/benchmarks.md"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --no-build) build=0 ;;
    --out) out="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "benchmark: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done

# Budgets: "warm-up steps, min warm-up seconds, min timed steps, min seconds, max seconds" (see Budget.java).
# Full runs time enough steps for a figure steady to a few percent; quick runs only prove that every piece works.
declare -A budget rounds pair
if [ "$quick" = 1 ]; then
  # no VGG16 warm-up: its steps are the slowest; quick figures are not results anyway
  budget[mnist-cnn/train]="2 0 5 0 0";     budget[mnist-cnn/infer]="2 0 5 0 0"
  budget[cats-dogs-cnn/train]="1 0 1 0 0"; budget[cats-dogs-cnn/infer]="1 0 1 0 0"
  budget[vgg16/train]="0 0 1 0 0";         budget[vgg16/infer]="0 0 1 0 0"
  rounds[mnist-cnn]=1; rounds[cats-dogs-cnn]=1; rounds[vgg16]=1
  pair[mnist-cnn]="2 0 2 3 2 1"; pair[cats-dogs-cnn]="1 0 1 1 2 1"; pair[vgg16]="0 0 1 1 1 1"
  pair_controls=1
  gemm_sizes="1024,2048"; gemm_seconds=1
  folder_images=160; folder_epochs=1; folder_warmup=1
else
  # Rounds: every implementation once per round, one after the other, so that a ratio's two sides run minutes
  # apart at most on a machine whose speed drifts (see Method in the report); each round starts one implementation
  # later, so with 5 rounds each implementation runs once in each position. VGG16 steps take seconds to minutes,
  # so it runs one round with longer budgets.
  # Warm-up: "steps, seconds", whichever comes later, every implementation alike. The JVM's JIT compiler takes most
  # of a core for the first 5-10 s of a process; and each max-pooling layer of (a) and (c) times its two kernels on
  # its first 8 batches and again 10 s later (KernelTrial), so the warm-up lasts past that second trial: 8 batches,
  # 10 s, 8 more batches (VGG16 training: 1.7 s a step).
  budget[mnist-cnn/train]="16 12 30 8 20";   budget[mnist-cnn/infer]="16 12 50 6 15"
  budget[cats-dogs-cnn/train]="16 18 8 8 40"; budget[cats-dogs-cnn/infer]="16 18 15 6 25"
  budget[vgg16/train]="16 40 5 20 75";       budget[vgg16/infer]="16 22 8 15 45"
  rounds[mnist-cnn]=5; rounds[cats-dogs-cnn]=5; rounds[vgg16]=1
  # YAML against by hand in one JVM (PairMain): "warm-up steps, min warm-up seconds, blocks, steps per block, copies,
  # processes". The warm-up runs every copy in turn, so it lasts until each copy's second kernel trial is done. Copies
  # of one network ran at different speeds for the life of a process (15 of 132 copies in the run of 2026-11-22
  # 13:25, those whose pooling layers had timed the slower kernel at start-up; fixed since), and one process is one
  # sample (MNIST inference with one copy each: 0.905 in one process, 0.99-1.08 in four others), so each side is
  # built several times and judged on its median copy, and each pair runs in several processes, the report taking
  # the median over them. Peak resident memory: MNIST 1 GB, cats-vs-dogs 3.4 GB (4 copies training), VGG16 6.8 GB.
  pair[mnist-cnn]="16 14 15 10 4 3"; pair[cats-dogs-cnn]="16 36 20 2 2 3"; pair[vgg16]="16 66 5 1 1 3"
  # The control: PairMain with two sets of copies of the by-hand network, which cannot differ, so its figure is the
  # method's own error. Processes of it for the MNIST CNN (the others' would take longer than the figure is worth).
  pair_controls=3
  gemm_sizes="2048,4096"; gemm_seconds=4
  folder_images=2000; folder_epochs=1; folder_warmup=3
fi
networks=(mnist-cnn cats-dogs-cnn vgg16)
impls=(convlab dl4j-fast dl4j-default pytorch pytorch-malloc)

python="${BENCH_PYTHON:-/usr/bin/python3}"
if ! "$python" -c 'import torch' 2>/dev/null; then
  echo "benchmark: $python cannot import torch; install python3-torch or set BENCH_PYTHON" >&2
  exit 1
fi
# ND4J's default is one thread per physical core; PyTorch is given the same number. An explicit count goes to
# every process through OMP_NUM_THREADS, which ND4J and convlab read.
physical=$(lscpu -p=core,socket 2>/dev/null | grep -v '^#' | sort -u | wc -l)
[ "$physical" -ge 1 ] || physical=$(nproc)
threads="${BENCH_THREADS:-${OMP_NUM_THREADS:-$physical}}"
if [ -n "${BENCH_THREADS:-}${OMP_NUM_THREADS:-}" ]; then export OMP_NUM_THREADS="$threads"; fi
timeout_s="${BENCH_TIMEOUT:-900}"

if [ "$build" = 1 ]; then
  echo "benchmark: building convlab-bench and what it needs ..."
  (cd "$root" && mvn -q -B -DskipTests package -pl modules/convlab-bench -am)
fi
target="$root/modules/convlab-bench/target"
classpath="$target/convlab-bench.jar:$target/lib/*"
torch_bench="$root/modules/convlab-bench/src/main/python/torch_bench.py"
if [ ! -f "$target/convlab-bench.jar" ]; then
  echo "benchmark: $target/convlab-bench.jar is missing; run without --no-build" >&2
  exit 1
fi

# The same JVM flags for every Java implementation: the memory limits scripts/convlab sets for `convlab train`.
mem_mb=$(awk '/MemTotal/ {print int($2/1024)}' /proc/meminfo)
heap_mb=$(( mem_mb / 4 )); [ "$heap_mb" -gt 8192 ] && heap_mb=8192
off_mb=$(( mem_mb / 2 ))
phys_mb=$(( heap_mb + off_mb + mem_mb / 10 ))
cap_mb=$(( mem_mb * 85 / 100 )); [ "$phys_mb" -gt "$cap_mb" ] && phys_mb=$cap_mb
# -XX:+AlwaysPreTouch: a long training run ends up touching all the heap the JVM committed; pre-touching it makes a
# measurement of seconds see the resident memory a run of hours has (docs/memory.md measures the same way).
java_cmd=(java -XX:+AlwaysPreTouch -Xmx${heap_mb}m -Dorg.bytedeco.javacpp.maxbytes=${off_mb}m
  -Dorg.bytedeco.javacpp.maxphysicalbytes=${phys_mb}m
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$classpath")

# convlab's glibc malloc settings, as scripts/convlab sets them: for (a), (c), the data wait and the one-process
# comparison, and for (e), PyTorch run with the same settings; (b) and (d) keep glibc's defaults
. "$root/scripts/lib/malloc.sh"
# shellcheck disable=SC2207
malloc_env=(env $(convlab_malloc_settings))

run_dir="$target/bench-$(date +%Y%m%d-%H%M%S)"
results="$run_dir/results.jsonl"
mkdir -p "$run_dir/logs"
folder="$(mktemp -d "${TMPDIR:-/tmp}/convlab-bench-images.XXXXXX")"
trap 'rm -rf "$folder"' EXIT

# configs/bench/NETWORK.yaml
bench_config() {
  local f
  for f in "$root/configs/bench/$1.yaml" "$root/configs/bench/$1.yml"; do
    [ -f "$f" ] && { echo "$f"; return; }
  done
  echo "benchmark: no configs/bench/$1.yaml" >&2; exit 1
}

# The headline numbers of a log's result lines, for the console.
summary() {
  grep '^result:' "$1" | grep -oE '"(images_per_s|gflops_per_s|wait_share|ratio)": ?[0-9.eE+-]+' | tr -d '"' \
    | awk -F': ?' '{printf "%s %.4g  ", $1, $2}'
}

# One measurement in its own process. A failure or timeout is written to the results as a "failed" line and the
# run goes on, so one crash (say, VGG16 out of memory) still leaves every other figure in the report.
run() {
  local label="$1"; shift
  local log="$run_dir/logs/$label.log" start=$SECONDS rc=0
  printf '  %-34s ' "$label"
  timeout "$timeout_s" "$@" >"$log" 2>&1 || rc=$?
  if [ "$rc" = 0 ]; then
    echo "$(( SECONDS - start )) s  $(summary "$log")"
  else
    local why="exit code $rc"; [ "$rc" = 124 ] && why="timed out after $timeout_s s"
    echo "FAILED ($why): $log"
    printf '{"kind":"failed","what":"%s","error":"%s","log":"%s"}\n' "$label" "$why" "$log" >>"$results"
  fi
}

# Share of the CPU that was busy (steal included) over 3 seconds: shows other work on the machine right now,
# where the load average still remembers the build that just ran.
busy_percent() {
  local u1 n1 s1 i1 w1 q1 sq1 st1 u2 n2 s2 i2 w2 q2 sq2 st2
  read -r _ u1 n1 s1 i1 w1 q1 sq1 st1 _ </proc/stat
  sleep 3
  read -r _ u2 n2 s2 i2 w2 q2 sq2 st2 _ </proc/stat
  local busy=$(( u2 + n2 + s2 + q2 + sq2 + st2 - u1 - n1 - s1 - q1 - sq1 - st1 ))
  local idle=$(( i2 + w2 - i1 - w1 ))
  echo $(( 100 * busy / (busy + idle > 0 ? busy + idle : 1) ))
}

echo "benchmark: $([ "$quick" = 1 ] && echo quick || echo full) run, $threads threads, results in $run_dir"
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
busy_start="$(busy_percent)"
echo "benchmark: CPU busy before the first measurement: $busy_start%"
started=$SECONDS

echo "matrix multiply:"
run gemm-nd4j "${java_cmd[@]}" dev.convlab.bench.GemmMain --sizes "$gemm_sizes" --min-seconds "$gemm_seconds" \
  --out "$results"
run gemm-pytorch "$python" "$torch_bench" gemm --sizes "$gemm_sizes" --min-seconds "$gemm_seconds" \
  --threads "$threads" --out "$results"

for network in "${networks[@]}"; do
  config="$(bench_config "$network")"
  # the YAML is the one place the batch size is written; every implementation runs that batch
  batch=$(awk '$1 == "batch_size:" {print $2}' "$config")
  for round in $(seq 1 "${rounds[$network]}"); do
    echo "$network (batch $batch), round $round of ${rounds[$network]}:"
    shift_by=$(( (round - 1) % ${#impls[@]} ))
    order=("${impls[@]:shift_by}" "${impls[@]:0:shift_by}")
    for mode in train infer; do
      read -r warmup warmup_seconds min_steps min_seconds max_seconds <<<"${budget[$network/$mode]}"
      common=(--network "$network" --mode "$mode" --batch "$batch" --warmup "$warmup" --warmup-seconds "$warmup_seconds"
        --min-steps "$min_steps" --min-seconds "$min_seconds" --max-seconds "$max_seconds" --round "$round"
        --out "$results")
      for impl in "${order[@]}"; do
        case "$impl" in
          pytorch) run "$network-$mode-$impl-$round" "$python" "$torch_bench" throughput "${common[@]}" \
            --threads "$threads" ;;
          pytorch-malloc) run "$network-$mode-$impl-$round" "${malloc_env[@]}" "$python" "$torch_bench" throughput \
            "${common[@]}" --threads "$threads" --impl pytorch-malloc ;;
          dl4j-default) run "$network-$mode-$impl-$round" "${java_cmd[@]}" dev.convlab.bench.ThroughputMain \
            "${common[@]}" --impl "$impl" --config "$config" ;;
          *) run "$network-$mode-$impl-$round" "${malloc_env[@]}" "${java_cmd[@]}" dev.convlab.bench.ThroughputMain \
            "${common[@]}" --impl "$impl" --config "$config" ;;
        esac
      done
    done
  done
  if [ -n "${pair[$network]:-}" ]; then
    read -r warmup warmup_seconds blocks block_steps copies processes <<<"${pair[$network]}"
    controls=0; [ "$network" = mnist-cnn ] && controls=$pair_controls
    echo "$network: YAML against by hand in one process, $copies copies of each, $processes processes per mode" \
      "($controls control processes)"
    for process in $(seq 1 "$(( processes > controls ? processes : controls ))"); do
      for control in false true; do
        if [ "$control" = false ] && [ "$process" -gt "$processes" ]; then continue; fi
        if [ "$control" = true ] && [ "$process" -gt "$controls" ]; then continue; fi
        for mode in train infer; do
          run "$network-$mode-pair$([ "$control" = true ] && echo -control)-$process" "${malloc_env[@]}" \
            "${java_cmd[@]}" dev.convlab.bench.PairMain --network "$network" --mode "$mode" --batch "$batch" \
            --config "$config" --warmup "$warmup" --warmup-seconds "$warmup_seconds" --blocks "$blocks" \
            --block-steps "$block_steps" --copies "$copies" --control "$control" --process "$process" \
            --out "$results"
        done
      done
    done
  fi
done

echo "data wait (image folder of $folder_images generated 150x150 JPEG/PNG files):"
run data-wait "${malloc_env[@]}" "${java_cmd[@]}" dev.convlab.bench.data.DataWaitMain --config "$(bench_config cats-dogs-cnn)" \
  --folder "$folder" --images "$folder_images" --epochs "$folder_epochs" --warmup "$folder_warmup" \
  --augmentation on --out "$results"

load_end="$(cut -d' ' -f1-3 /proc/loadavg)"
busy_end="$(busy_percent)"
echo "benchmark: measured in $(( SECONDS - started )) s; writing the report"
"${java_cmd[@]}" dev.convlab.bench.report.ReportMain --results "$results" --out "$out" \
  --mode "$([ "$quick" = 1 ] && echo quick || echo full)" --load-start "$load_start" --load-end "$load_end" \
  --busy-start "$busy_start" --busy-end "$busy_end" \
  --torch-package "$(dpkg-query -W -f '${Version}' python3-torch 2>/dev/null || true)"
exit
}
