# shellcheck shell=bash
# Shared by the launch scripts (sourced, not run): --dry-run and safely quoted commands.
#
# Every command a script would run goes through `run` (or `run_bg`, `probe`): under
# --dry-run it is printed, one per line, shell-quoted so it can be copied and run as is,
# and nothing is executed. Comment lines (`# ...`) explain what a dry run had to assume.

DRY_RUN=${DRY_RUN:-0}
PIDS=()

# dry_run_flag "$1": 0 if $1 is --dry-run (the caller then shifts it off)
dry_run_flag() {
  if [ "${1:-}" = "--dry-run" ]; then
    DRY_RUN=1
    return 0
  fi
  return 1
}

# quote ARG...: the ARGs as one string a POSIX shell splits back into exactly these words
# (plain words bare, the others in single quotes)
quote() {
  local word out=() q="'" qq="'\\''"
  for word in "$@"; do
    if [[ -n $word && $word =~ ^[A-Za-z0-9_@%+=:,./-]+$ ]]; then
      out+=("$word")
    else
      out+=("'${word//$q/$qq}'")
    fi
  done
  printf '%s' "${out[*]}"
}

# run CMD ARG...: run it, or print it under --dry-run
run() {
  if [ "$DRY_RUN" = 1 ]; then
    printf '%s\n' "$(quote "$@")"
  else
    "$@"
  fi
}

# run_bg CMD ARG...: start it in the background (its pid appended to PIDS), or print it
run_bg() {
  if [ "$DRY_RUN" = 1 ]; then
    printf '%s &\n' "$(quote "$@")"
  else
    "$@" &
    PIDS+=($!)
  fi
}

# probe CMD ARG...: run a query, output discarded; under --dry-run print it and fail (so the
# dry run also prints what the script does when the answer is no)
probe() {
  if [ "$DRY_RUN" = 1 ]; then
    printf '%s  # dry run: assumed to fail\n' "$(quote "$@")"
    return 1
  fi
  "$@" >/dev/null 2>&1
}

# note TEXT: a comment in the dry-run output, a message on stderr otherwise
note() {
  if [ "$DRY_RUN" = 1 ]; then
    printf '# %s\n' "$*"
  else
    printf '%s\n' "$*" >&2
  fi
}

# wait_all: wait for every background command; the last failing status, else 0
wait_all() {
  local status=0 pid
  for pid in "${PIDS[@]}"; do
    wait "$pid" || status=$?
  done
  return "$status"
}
