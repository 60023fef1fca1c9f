#!/usr/bin/env bash
# One training process of a multi-node GPU run: start it once per process (a SLURM task,
# see launch/gpu_slurm.sbatch, or by hand), with the same COORDINATOR everywhere.
#
#   COORDINATOR=10.0.0.1:12355 NUM_PROCESSES=2 PROCESS_ID=0 bash launch/gpu_multinode.sh \
#     [--dry-run] --config configs/twenty_questions.py:paper --config.mesh=2,-1,1
#
# Environment (SLURM's values are the defaults under srun):
#   COORDINATOR       host:port of process 0 (required)
#   NUM_PROCESSES     number of processes in the run  (SLURM_NTASKS, else 1)
#   PROCESS_ID        this process's index, 0-based   (SLURM_PROCID, else 0)
#   GPUS_PER_PROCESS  several processes per node: each sees only its own GPUs, chosen by
#   LOCAL_RANK        its index on the node (SLURM_LOCALID, else 0); skipped when
#                     CUDA_VISIBLE_DEVICES is already set (srun --gpus-per-task sets it)
#   PY                the python to run (.venv/bin/python)
# --dry-run prints the command instead of running it.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=launch/_common.sh
. launch/_common.sh
if dry_run_flag "${1:-}"; then shift; fi

COORDINATOR=${COORDINATOR:?set COORDINATOR=host:port of process 0}
NUM_PROCESSES=${NUM_PROCESSES:-${SLURM_NTASKS:-1}}
PROCESS_ID=${PROCESS_ID:-${SLURM_PROCID:-0}}
LOCAL_RANK=${LOCAL_RANK:-${SLURM_LOCALID:-0}}
PY=${PY:-.venv/bin/python}

envs=()
if [ -n "${GPUS_PER_PROCESS:-}" ] && [ -z "${CUDA_VISIBLE_DEVICES:-}" ]; then
  first=$((LOCAL_RANK * GPUS_PER_PROCESS))
  envs=(env "CUDA_VISIBLE_DEVICES=$(seq -s, "$first" $((first + GPUS_PER_PROCESS - 1)))")
fi
run "${envs[@]}" "$PY" -m archer_jax.train --coordinator_address "$COORDINATOR" \
  --num_processes "$NUM_PROCESSES" --process_id "$PROCESS_ID" "$@"
