# shellcheck shell=bash
# Sourced by scripts/golangci-lint-custom.sh (and its test).
#
#   quietly WHAT LOGFILE CMD...
#
# runs CMD with its output in LOGFILE and, while it runs, says on stderr
# every SCHEMALINT_HEARTBEAT seconds (default 30) that WHAT is still going:
# `go install` of golangci-lint prints nothing for minutes on a small
# machine, which looks like a hang in a CI log. Returns CMD's status.
quietly() {
  local what=$1 logfile=$2 every=${SCHEMALINT_HEARTBEAT:-30} start=$SECONDS pid status=0 next
  shift 2
  "$@" >"$logfile" 2>&1 &
  pid=$!
  next=$((start + every))
  while kill -0 "$pid" 2>/dev/null; do
    sleep 0.5
    if [ "$SECONDS" -ge "$next" ] && kill -0 "$pid" 2>/dev/null; then
      printf '==> still %s (%ds)\n' "$what" "$((SECONDS - start))" >&2
      next=$((SECONDS + every))
    fi
  done
  wait "$pid" || status=$?
  return "$status"
}
