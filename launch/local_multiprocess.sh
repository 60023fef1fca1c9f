#!/usr/bin/env bash
# Exercise the multi-host code path on one machine: NUM_PROCESSES CPU processes talking over
# gloo, each with DEVICES_PER_PROCESS virtual devices, exactly as a pod slice's hosts would.
#
#   bash launch/local_multiprocess.sh [--dry-run] --config configs/twenty_questions.py:tiny \
#     --config.train.iterations=2 --workdir runs/mp
#
# Environment: NUM_PROCESSES (2), DEVICES_PER_PROCESS (4), PORT (random), PY (.venv/bin/python);
# XLA_FLAGS, when set, is kept (the device count is added to it).
# --dry-run prints the command of every process instead of starting them.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=launch/_common.sh
. launch/_common.sh
if dry_run_flag "${1:-}"; then shift; fi

PY=${PY:-.venv/bin/python}
PORT=${PORT:-$((20000 + RANDOM % 20000))}
NUM_PROCESSES=${NUM_PROCESSES:-2}
DEVICES_PER_PROCESS=${DEVICES_PER_PROCESS:-4}

for ((i = 0; i < NUM_PROCESSES; i++)); do
  progress=false
  if [ "$i" = 0 ]; then progress=true; fi
  run_bg env "XLA_FLAGS=${XLA_FLAGS:+$XLA_FLAGS }--xla_force_host_platform_device_count=$DEVICES_PER_PROCESS" \
    "$PY" -m archer_jax.train --coordinator_address "127.0.0.1:$PORT" \
    --num_processes "$NUM_PROCESSES" --process_id "$i" --cpu_collectives gloo \
    "--progress=$progress" "$@"
done
wait_all
