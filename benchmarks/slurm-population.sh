#!/usr/bin/env bash
# Runs one osteoblast population plan twice on this machine — in-process (all cores) and as a Slurm job array on a
# single-node Slurm started for the purpose — and prints, side by side:
#   - wall time of each backend and their ratio (Slurm / in-process; the issue's target is <= 1.15 at 10^5 runs);
#   - core-seconds per 10^6 runs (wall time x cores of the node, scaled), and bytes written per 10^6 runs
#     (shard Parquet files and partials);
#   - the projection to a 10^9-run population (core-hours, bytes), from these measured figures;
#   - whether the two reduced results are byte-identical (they must be; exit code 1 if not).
#
# Usage: benchmarks/slurm-population.sh [--runs N] [--runs-per-shard R] [--out DIR] [--keep]
#   --runs N            population size (default 100000)
#   --runs-per-shard R  shard size (default 25000: four shards of 10^5 runs, a few seconds of fixed cost per task)
#   --out DIR           work folder (default: a temporary folder, removed unless --keep)
#   --keep              keep the work folder (plans, shards, logs)
#   --slurm-only        skip the in-process run (for the 10^6-run measurement; no ratio, no byte comparison)
#
# Needs root and Debian's munge, slurmctld, slurmd and slurm-client (tests/slurm/start-slurm.sh starts them bound to
# 127.0.0.1 and this script stops them by PID on exit). The plan is the Slurm example of docs/distributed.md (built-in
# model v2, erastin log-uniform 0.1-100 uM, c_ROS fold lognormal(1, 0.2), three read-outs, Auto, rtol 1e-7, 48 h).
# Each Slurm task runs one shard on one core, at most as many at once as the node has cores; the in-process run uses
# every core. Times depend on the machine's load: run it on a quiet machine (`uptime` is printed with the figures).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS=100000
PER_SHARD=25000
OUT=""
KEEP=0
SLURM_ONLY=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --runs-per-shard) PER_SHARD="$2"; shift 2 ;;
    --out) OUT="$2"; KEEP=1; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --slurm-only) SLURM_ONLY=1; shift ;;
    -h|--help) sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "slurm-population.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[ -n "$OUT" ] || OUT="$(mktemp -d "${TMPDIR:-/tmp}/ferrosim-slurm-population.XXXXXX")"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
SLURM_DIR="$OUT/slurm"
CORES="$(nproc)"

cleanup() {
  "$ROOT/tests/slurm/stop-slurm.sh" "$SLURM_DIR" >/dev/null 2>&1 || true
  [ "$KEEP" = 1 ] || rm -rf "$OUT"
}
trap cleanup EXIT

echo "+ building ferrosim (Release)" >&2
dotnet build "$ROOT/src/Ferroptosis.Sim.Cli" -c Release -v q -nologo >/dev/null
FERROSIM_DLL="$ROOT/src/Ferroptosis.Sim.Cli/bin/Release/net10.0/ferrosim.dll"
ferrosim() { dotnet "$FERROSIM_DLL" "$@"; }

eval "$("$ROOT/tests/slurm/start-slurm.sh" "$SLURM_DIR")"
for _ in $(seq 1 30); do sinfo -h -o %T 2>/dev/null | grep -q idle && break; sleep 1; done

ferrosim ensemble plan ferroptosis --out "$OUT/plan/plan.json" --runs "$RUNS" --runs-per-shard "$PER_SHARD" --seed 42 \
  --vary 'erastin=loguniform(0.1,100)' --vary 'fold:c_ROS=lognormal(1,0.2)' \
  -r S@24 -r LPO:max -r 'S<0.5' --t-end 48 --solver Auto --rtol 1e-7 --atol 1e-9 >/dev/null

seconds() { date +%s.%N; }
t0="$(seconds)"
[ "$SLURM_ONLY" = 1 ] || ferrosim ensemble run --plan "$OUT/plan/plan.json" --out "$OUT/inprocess" --backend inprocess > "$OUT/inprocess.txt"
t1="$(seconds)"
ferrosim ensemble run --plan "$OUT/plan/plan.json" --out "$OUT/slurm-shards" --backend slurm --throttle "$CORES" \
  --shard-command "dotnet $FERROSIM_DLL" > "$OUT/slurm.txt"
t2="$(seconds)"

identical="no"
[ "$SLURM_ONLY" = 1 ] && identical="not compared"
cmp -s "$OUT/inprocess/result.json" "$OUT/slurm-shards/result.json" && identical="yes"
bytes="$(find "$OUT/slurm-shards" -maxdepth 1 -name 'shard-*' -type f -printf '%s\n' | awk '{s += $1} END {print s}')"
python3 - "$RUNS" "$CORES" "$t0" "$t1" "$t2" "$bytes" "$identical" "$(uptime)" <<'PY'
import sys
runs, cores = int(sys.argv[1]), int(sys.argv[2])
t0, t1, t2 = map(float, sys.argv[3:6])
size, identical, load = int(sys.argv[6]), sys.argv[7], sys.argv[8]
inproc, slurm = t1 - t0, t2 - t1
per_million = slurm * cores / runs * 1e6
bytes_million = size / runs * 1e6
print(f"runs {runs}, {cores} cores; load: {load.strip()}")
if identical == "not compared":
    print(f"Slurm array wall {slurm:.1f} s")
else:
    print(f"in-process wall {inproc:.1f} s; Slurm array wall {slurm:.1f} s; Slurm / in-process {slurm / inproc:.3f}")
print(f"Slurm: {per_million:.0f} core-seconds per 10^6 runs; {bytes_million / 1e6:.1f} MB written per 10^6 runs")
print(f"10^9 runs: {per_million * 1000 / 3600:.0f} core-hours, {bytes_million * 1000 / 1e9:.1f} GB of shard files")
print(f"reduced results byte-identical: {identical}")
PY
[ "$identical" != no ]
