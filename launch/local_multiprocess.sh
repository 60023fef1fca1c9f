#!/usr/bin/env bash
# Exercise the multi-host code path on one machine: two CPU processes talking over gloo,
# each with 4 virtual devices (8 global), exactly as a 2-host pod slice would.
#   bash launch/local_multiprocess.sh --config configs/twenty_questions.py:tiny \
#     --config.train.iterations=2 --workdir runs/mp
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
PORT=${PORT:-$((20000 + RANDOM % 20000))}
pids=()
for i in 0 1; do
  XLA_FLAGS=--xla_force_host_platform_device_count=4 "$PY" -m archer_jax.train \
    --coordinator_address "127.0.0.1:$PORT" --num_processes 2 --process_id "$i" \
    --cpu_collectives gloo --progress=$([ "$i" = 0 ] && echo true || echo false) "$@" &
  pids+=($!)
done
status=0
for p in "${pids[@]}"; do wait "$p" || status=$?; done
exit $status
