#!/usr/bin/env bash
# Installs the system packages the test suites need when they are missing: Debian's Chromium (browser
# tests, driven by playwright-core; no browser is downloaded), a one-node Slurm with munge (the cluster
# test) and tmux (a real terminal for the sweep's progress bar and Ctrl-C, tests/sweep-terminal.test.ts).
# Needs root (or sudo) and Debian's package archive. A suite never skips: without these it fails.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v tmux >/dev/null 2>&1 || need+=(tmux)
for bin in slurmctld slurmd sbatch munged; do
  if ! command -v "$bin" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$bin" ]; then
    need+=(slurmctld slurmd slurm-client munge)
    break
  fi
done
[ ${#need[@]} -eq 0 ] && exit 0
echo "ensure-deps: installing ${need[*]} (Debian packages)"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "ensure-deps: ${need[*]} missing and not root; install them with: apt-get install -y ${need[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "ensure-deps: done"
