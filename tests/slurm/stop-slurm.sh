#!/usr/bin/env bash
# Stops the Slurm daemons and munged that tests/slurm/start-slurm.sh started in DIR, by the PIDs in their pid files.
# Usage: tests/slurm/stop-slurm.sh [DIR]   (default /tmp/ferrosim-slurm)
set -uo pipefail
dir="${1:-/tmp/ferrosim-slurm}"
for name in slurmd slurmctld munged; do
  file="$dir/$name.pid"
  [ -s "$file" ] || continue
  pid="$(cat "$file")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
  rm -f "$file"
done
