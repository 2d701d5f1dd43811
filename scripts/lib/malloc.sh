# glibc malloc settings for ND4J/oneDNN training, sourced by scripts/convlab and scripts/benchmark.sh.
#
# Why: libnd4j and oneDNN allocate their large temporaries (reorder buffers, scratchpads: 90 MB each for the
# cats-vs-dogs CNN's first layer) with malloc on every step, outside ND4J's workspaces. With glibc's defaults a block
# over 32 MB is always mmap'd and unmapped again on free, and threads other than the main one get arenas that hand
# memory back too, so every step faults its temporaries in again: 3.3 million minor page faults and a quarter of the
# CPU time in the kernel for 18 cats-vs-dogs steps. One arena, no mmap and no trimming keep the freed memory in the
# process for the next step (0.5 million faults; 51 -> 71 img/s here). The price: the process keeps its high-water
# mark of malloc'd memory until it exits, which is what convlab's memory estimate and limits already assume.
#
# Settings already in the environment win; CONVLAB_FAST=0 (the fast path's off switch) leaves glibc's defaults.
# Prints the settings as NAME=VALUE words, for `env`.
convlab_malloc_settings() {
  case "${CONVLAB_FAST:-1}" in 0|false|off|no) return 0 ;; esac
  echo "MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-1}" \
    "MALLOC_MMAP_MAX_=${MALLOC_MMAP_MAX_:-0}" \
    "MALLOC_TRIM_THRESHOLD_=${MALLOC_TRIM_THRESHOLD_:-1099511627776}"
}
