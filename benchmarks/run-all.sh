#!/usr/bin/env bash
# Regenerates every table and figure of benchmarks/README.md from one run on this machine:
#   1. the machine stamp (CPU, cores, load before and after, software versions, commit);
#   2. compare-cvode.sh: our work-precision runner and the SUNDIALS CVODE harness on ROBER, HIRES,
#      OREGO, VDPOL and AREN, one after the other (skipped with a message if the harness cannot run);
#   3. the work-precision runner on the pathway problems (osteoblast, osteoclast, osteocyte);
#   4. the work-precision diagram of all eight problems, with CVODE's lines;
#   5. the BenchmarkDotNet suites this README reports (Ode, Modeling, Formats, Pathway; the Analysis
#      suites with --with-analysis: their 100,000-cell populations take long, and docs/analysis.md
#      reports them);
#   6. benchmarks/README.md's generated sections (tables, targets, machine), by tools/update-readme.py.
# Results go to benchmarks/results/ (committed with the README, so the numbers in it have their source).
#
# Usage: benchmarks/run-all.sh [--quick] [--job JOB] [--skip-bdn] [--with-analysis]
#   --quick          shorter work-precision timing loops and BenchmarkDotNet's dry job in process:
#                    checks that everything runs (minutes); numbers not fit for the README
#   --job JOB        BenchmarkDotNet job for step 5 (default: short; "default" for full statistics, hours)
#   --skip-bdn       keep the BenchmarkDotNet reports already in benchmarks/results/bdn
#   --with-analysis  also run the Analysis suites in step 5
# Run it on a quiet machine: the load average is recorded next to the numbers; above ~0.5 per core
# the medians are unreliable.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RESULTS="$ROOT/benchmarks/results"
PROJECT="$ROOT/benchmarks/Ferroptosis.Sim.Benchmarks"
QUICK=()
JOB=short
SKIP_BDN=0
IN_PROCESS=()
FILTERS=('Ferroptosis.Sim.Benchmarks.Ode.*' 'Ferroptosis.Sim.Benchmarks.Modeling.*' 'Ferroptosis.Sim.Benchmarks.Formats.*' 'Ferroptosis.Sim.Benchmarks.Pathway.*')
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) QUICK=(--quick); JOB=dry; IN_PROCESS=(--inProcess); shift ;;
    --job) [[ $# -ge 2 ]] || { echo "run-all: --job needs a value" >&2; exit 2; }; JOB="$2"; shift 2 ;;
    --skip-bdn) SKIP_BDN=1; shift ;;
    --with-analysis) FILTERS+=('Ferroptosis.Sim.Benchmarks.Analysis.*'); shift ;;
    -h|--help) sed -n '2,23p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-all: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
command -v python3 >/dev/null || { echo "run-all: python3 is needed to update the README" >&2; exit 1; }
mkdir -p "$RESULTS" "$RESULTS/cvode"
cd "$ROOT"

stamp() {
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src benchmarks ':!benchmarks/README.md' ':!benchmarks/results' || echo ' (with uncommitted changes)')"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "cores: $(getconf _NPROCESSORS_ONLN)"
  echo "os: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "dotnet: $(dotnet --version)"
  echo "mode: ${QUICK[*]:-full} work-precision, BenchmarkDotNet job $JOB"
}

echo "== [1/6] machine" >&2
{ stamp; echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"; } > "$RESULTS/machine.txt"
cat "$RESULTS/machine.txt" >&2
dotnet build "$PROJECT" -c Release --nologo -v quiet >&2

echo "== [2/6] ours and CVODE on the test-set problems" >&2
bash "$ROOT/benchmarks/compare-cvode.sh" ${QUICK[@]+"${QUICK[@]}"} --out "$RESULTS/cvode" | tee "$RESULTS/cvode/comparison.txt"

echo "== [3/6] work-precision on the pathway problems" >&2
dotnet run -c Release --no-build --project "$PROJECT" -- workprecision ${QUICK[@]+"${QUICK[@]}"} \
  --problem osteoblast --problem osteoclast --problem osteocyte > "$RESULTS/workprecision-pathway.tsv"

echo "== [4/6] work-precision diagram" >&2
{
  cat "$RESULTS/workprecision-pathway.tsv" | head -n1
  if [[ -f "$RESULTS/cvode/ours.tsv" ]]; then tail -n +2 "$RESULTS/cvode/ours.tsv"; fi
  tail -n +2 "$RESULTS/workprecision-pathway.tsv"
} > "$RESULTS/workprecision.tsv"
OVERLAY=()
[[ -s "$RESULTS/cvode/cvode.tsv" ]] && OVERLAY=(--overlay "$RESULTS/cvode/cvode.tsv")
dotnet run -c Release --no-build --project "$PROJECT" -- workprecision --from "$RESULTS/workprecision.tsv" ${OVERLAY[@]+"${OVERLAY[@]}"} --plot "$RESULTS"

if [[ $SKIP_BDN -eq 0 ]]; then
  echo "== [5/6] BenchmarkDotNet suites (job $JOB)" >&2
  rm -rf "$RESULTS/bdn"
  CONSOLE="$(mktemp "${TMPDIR:-/tmp}/run-all-bdn.XXXXXX")"
  dotnet run -c Release --no-build --project "$PROJECT" -- --filter "${FILTERS[@]}" --job "$JOB" ${IN_PROCESS[@]+"${IN_PROCESS[@]}"} --artifacts "$RESULTS/bdn" \
    | tee "$CONSOLE" >&2
  # Keep the GitHub-flavoured reports and the setup lines (accuracy, work, calibrated step counts).
  grep -h '^// \[setup\] ' "$CONSOLE" | sed 's|^// \[setup\] ||' | sort -u > "$RESULTS/bdn/setup-lines.txt" || true
  rm -f "$CONSOLE"
  find "$RESULTS/bdn" -type f ! -name '*-report-github.md' ! -name 'setup-lines.txt' -delete
  find "$RESULTS/bdn" -type d -empty -delete
  if [[ -d "$RESULTS/bdn/results" ]]; then
    mv "$RESULTS"/bdn/results/* "$RESULTS/bdn/"
    rmdir "$RESULTS/bdn/results"
  fi
fi

echo "== [6/6] README" >&2
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)" >> "$RESULTS/machine.txt"
python3 "$ROOT/benchmarks/tools/update-readme.py" "$RESULTS" "$ROOT/benchmarks/README.md"
echo "run-all: done; results in benchmarks/results, README updated" >&2
