#!/usr/bin/env bash
# Sharded sweeps on a real Slurm cluster (issue 4): starts a one-node cluster from Debian's
# packages, runs the job-array script of docs/cluster.md as a 4-task array, checks that the merge
# is byte-identical to a one-machine sweep, and that a failing task makes the array fail visibly.
# Runs as root, as CI does. Prints "slurm: N passed, M failed".
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# MEERWAARDE_CLI overrides the command (e.g. to run the TypeScript sources through tsx)
CLI=${MEERWAARDE_CLI:-"node $ROOT/bin/meerwaarde.mjs"}
WORK=$(mktemp -d /tmp/mw-slurm.XXXXXX)
PASSED=0
FAILED=0
say() { echo "slurm-test: $*"; }
check() { # check "what" command...
  local what=$1
  shift
  if "$@"; then PASSED=$((PASSED + 1)); say "ok: $what"; else FAILED=$((FAILED + 1)); say "FAIL: $what"; fi
}

# --- packages and the CLI ----------------------------------------------------------------------
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
  say "installing slurmctld slurmd slurm-client munge"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge >/dev/null
fi
if [ -z "${MEERWAARDE_CLI:-}" ] && { [ ! -f dist-cli/cli.mjs ] || [ ! -f dist-cli/sweep-worker.mjs ]; }; then npm run build:cli >/dev/null; fi

# --- a one-node cluster --------------------------------------------------------------------------
HOST=$(hostname -s)
CPUS=$(nproc)
MEM=$(awk '/MemTotal/ { print int($2 / 1024 * 0.8) }' /proc/meminfo)
mkdir -p "$WORK"/{state,spool,log,logs}
cat >"$WORK/slurm.conf" <<EOF
ClusterName=ci
SlurmctldHost=$HOST(127.0.0.1)
SlurmUser=root
AuthType=auth/munge
StateSaveLocation=$WORK/state
SlurmdSpoolDir=$WORK/spool
SlurmctldPidFile=$WORK/slurmctld.pid
SlurmdPidFile=$WORK/slurmd.pid
SlurmctldLogFile=$WORK/log/slurmctld.log
SlurmdLogFile=$WORK/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
DependencyParameters=kill_invalid_depend
NodeName=$HOST NodeAddr=127.0.0.1 CPUs=$CPUS RealMemory=$MEM State=UNKNOWN
PartitionName=ci Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF=$WORK/slurm.conf

STARTED_MUNGE=no
stop_cluster() {
  for f in "$WORK/slurmd.pid" "$WORK/slurmctld.pid"; do
    [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true
  done
  if [ "$STARTED_MUNGE" = yes ] && [ -f /run/munge/munged.pid ]; then kill "$(cat /run/munge/munged.pid)" 2>/dev/null || true; fi
  sleep 0.5
  rm -rf "$WORK"
}
trap stop_cluster EXIT

if [ ! -f /etc/munge/munge.key ]; then
  dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
  chown munge:munge /etc/munge/munge.key
  chmod 400 /etc/munge/munge.key
fi
if ! munge -n >/dev/null 2>&1; then
  install -d -o munge -g munge -m 755 /run/munge
  runuser -u munge -- /usr/sbin/munged
  STARTED_MUNGE=yes
fi
slurmctld -c
slurmd
for _ in $(seq 1 120); do
  state=$(sinfo -h -o %t 2>/dev/null | head -1 || true)
  [ "$state" = idle ] && break
  [ "$state" = down ] || [ "$state" = "down*" ] && scontrol update nodename="$HOST" state=resume 2>/dev/null || true
  sleep 0.5
done
[ "$(sinfo -h -o %t | head -1)" = idle ] || { say "the node did not come up"; cat "$WORK/log/"*.log; exit 1; }
say "cluster up: $HOST, $CPUS cpus"

# --- the experiment and the documented job script ------------------------------------------------
cat >"$WORK/experiment.json" <<EOF
{
  "name": "slurm-ci",
  "scenario": "$ROOT/scenarios/baseline.json",
  "factors": [
    { "path": "params.inflowRateYear", "range": [0.15, 0.3] },
    { "path": "managers.W.stance.value", "name": "stanceW", "levels": [0, 0.5, 1] }
  ],
  "design": { "kind": "lhs", "samples": 6 },
  "replicates": 2,
  "seed": 2024,
  "months": 12,
  "monthly": ["stock"]
}
EOF
awk '/<!-- sweep.sbatch/ { found = 1; next } found && /^```bash/ { inside = 1; next } inside && /^```/ { exit } inside { print }' \
  "$ROOT/docs/cluster.md" >"$WORK/sweep.sbatch"
grep -q 'meerwaarde\|MEERWAARDE' "$WORK/sweep.sbatch" || { say "no job script found in docs/cluster.md"; exit 1; }

# shellcheck disable=SC2329
job_states() { scontrol -o show job "$1" | grep -o 'JobState=[A-Z_]* .*ExitCode=[0-9:]*' | sed -E 's/JobState=([A-Z_]*).*ExitCode=([0-9:]*)/\1 \2/'; }
wait_gone() { for _ in $(seq 1 600); do [ -z "$(squeue -h -j "$1" 2>/dev/null)" ] && return 0; sleep 0.5; done; return 1; }

# one machine
$CLI sweep "$WORK/experiment.json" --out "$WORK/single" --workers 2 --quiet

# --- 1. a 4-task array, merged by a dependent job --------------------------------------------------
cd "$WORK"
export EXPERIMENT=$WORK/experiment.json OUT=$WORK/out MEERWAARDE="$CLI"
rc=0
jid=$(sbatch --parsable --array=0-3 --cpus-per-task=1 --mem-per-cpu=500M --output="$WORK/logs/sweep_%A_%a.log" sweep.sbatch)
mjid=$(sbatch --parsable --dependency=afterok:"$jid" --output="$WORK/logs/merge_%j.log" --wrap "$CLI merge $WORK/out/shard-* --out $WORK/merged")
wait_gone "$jid" && wait_gone "$mjid" || rc=$?
states=$(job_states "$jid")
echo "$states" | sed 's/^/  task: /'
check "every array task COMPLETED with exit code 0" test "$(echo "$states" | grep -c '^COMPLETED 0:0$')" -eq 4
check "the dependent merge job ran and succeeded" test "$(job_states "$mjid")" = "COMPLETED 0:0"
check "merged runs.csv is byte-identical to the one-machine sweep" cmp -s "$WORK/merged/runs.csv" "$WORK/single/runs.csv"
check "merged monthly.csv is byte-identical to the one-machine sweep" cmp -s "$WORK/merged/monthly.csv" "$WORK/single/monthly.csv"
test $rc -eq 0 || say "waiting for the jobs timed out"

# --- 2. a failing task fails the array visibly -----------------------------------------------------
# Shard 2's folder already holds a sweep of another experiment: that task must refuse (exit 2).
export OUT=$WORK/out2
sed 's/"seed": 2024/"seed": 7/' "$WORK/experiment.json" >"$WORK/other.json"
$CLI sweep "$WORK/other.json" --out "$WORK/out2/shard-2" --shard 2/4 --workers 1 --quiet
set +e
sbatch --wait --array=0-3 --cpus-per-task=1 --mem-per-cpu=500M --output="$WORK/logs/fail_%A_%a.log" sweep.sbatch >"$WORK/fail.jid"
wait_rc=$?
set -e
fjid=$(grep -o '[0-9]*' "$WORK/fail.jid" | head -1)
states=$(job_states "$fjid")
echo "$states" | sed 's/^/  task: /'
check "sbatch --wait exits non-zero when a task fails" test "$wait_rc" -ne 0
check "the failing task is FAILED with exit code 2, the others COMPLETED" \
  test "$(echo "$states" | grep -c '^FAILED 2:0$')" -eq 1 -a "$(echo "$states" | grep -c '^COMPLETED 0:0$')" -eq 3
check "the failing task's log says why" grep -q 'holds a sweep of a different experiment' "$WORK"/logs/fail_*_2.log
fmjid=$(sbatch --parsable --dependency=afterok:"$fjid" --output="$WORK/logs/merge_fail_%j.log" --wrap "$CLI merge $WORK/out2/shard-* --out $WORK/merged2")
wait_gone "$fmjid" || true
check "the dependent merge job never ran (CANCELLED)" test "$(scontrol -o show job "$fmjid" | grep -o 'JobState=[A-Z_]*')" = "JobState=CANCELLED"
set +e
$CLI merge "$WORK"/out2/shard-* --out "$WORK/merged2" 2>"$WORK/merge2.err"
merge_rc=$?
set -e
check "merge refuses the mixed shards (exit 2)" test "$merge_rc" -eq 2
sed 's/^/  merge: /' "$WORK/merge2.err"

cd "$ROOT"
echo "slurm: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
