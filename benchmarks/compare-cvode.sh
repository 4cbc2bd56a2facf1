#!/usr/bin/env bash
# Runs our work-precision runner and the SUNDIALS CVODE harness (cvode-bench/run.sh) on the same
# problems and tolerances, one after the other, and prints per problem and rtol:
#   - ours: our fastest method at that rtol, its scd and median time;
#   - CVODE: the harness's CVODE row (BDF with analytic Jacobian on the stiff problems, Adams on
#     AREN), its scd and median time, and the ratio of the times (ours / CVODE; < 1 = we are faster);
#   - at equal accuracy: our fastest solve of that problem, at any of our tolerances, reaching at
#     least CVODE's scd, its time and the ratio; "meets" when that ratio is <= 1.
#
# Usage: benchmarks/compare-cvode.sh [--quick] [--problem NAME]... [--rtol X]... [--out DIR] [--plot]
#   --quick          shorter timing loops on both sides (noisier medians)
#   --problem NAME   ROBER, HIRES, OREGO, VDPOL or AREN (repeatable; default all five); or a large sparse
#                    problem, BRUSS2D_N<N> (N = 16, 32, 64) or TRIGGER_N<N> (N = 64, 128), which is handed to
#                    compare-cvode-sparse.sh (the CVODE sparse harness, $CVODE_SPARSE_DIR, and its own table,
#                    written to DIR/sparse/ with --out)
#   --rtol X         only these tolerances (repeatable; default the harness's: 1e-4 1e-6 1e-8, 1e-10 on AREN)
#   --out DIR        keep the tables (ours.tsv, cvode.tsv, comparison.tsv) in DIR (default: a temporary folder)
#   --plot           also draw the work-precision diagrams with CVODE's lines to DIR/workprecision.{png,svg}
#
# The harness is found in $CVODE_BENCH_DIR, by default ../shared/anchors/cvode-bench relative to the
# repository root. Its requirements are Debian packages: libsundials-dev gcc python3-scipy python3-numpy.
# Where they are missing the comparison is skipped with a message (exit code 0); pass --install-deps
# to try `apt-get install -y` them first (needs root).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HARNESS="${CVODE_BENCH_DIR:-$ROOT/../shared/anchors/cvode-bench}"
PROJECT="$ROOT/benchmarks/Ferroptosis.Sim.Benchmarks"
PACKAGES="libsundials-dev gcc python3-scipy python3-numpy"

usage() { sed -n '2,24p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; }

QUICK=()
PROBLEMS=()
RTOLS=()
OUT=""
PLOT=0
INSTALL=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) QUICK=(--quick); shift ;;
    --problem) [[ $# -ge 2 ]] || { usage; exit 2; }; PROBLEMS+=("$(printf '%s' "$2" | tr '[:lower:]' '[:upper:]')"); shift 2 ;;
    --rtol) [[ $# -ge 2 ]] || { usage; exit 2; }; RTOLS+=("$2"); shift 2 ;;
    --out) [[ $# -ge 2 ]] || { usage; exit 2; }; OUT="$2"; shift 2 ;;
    --plot) PLOT=1; shift ;;
    --install-deps) INSTALL=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "compare-cvode: unknown argument '$1'" >&2; usage; exit 2 ;;
  esac
done
[[ ${#PROBLEMS[@]} -gt 0 ]] || PROBLEMS=(ROBER HIRES OREGO VDPOL AREN)
SMALL=()
SPARSE=()
for p in "${PROBLEMS[@]}"; do
  case " ROBER HIRES OREGO VDPOL AREN " in
    *" $p "*) SMALL+=("$p") ;;
    *)
      if [[ "$p" =~ ^(BRUSS2D|TRIGGER)_N([0-9]+)$ ]]; then SPARSE+=(--problem "${BASH_REMATCH[1]}" --n "${BASH_REMATCH[2]}")
      else echo "compare-cvode: no problem '$p' (ROBER, HIRES, OREGO, VDPOL, AREN; BRUSS2D_N<N>, TRIGGER_N<N>)" >&2; exit 2; fi ;;
  esac
done

# The large sparse problems have their own harness and script: hand them over, one grid size at a time.
if [[ ${#SPARSE[@]} -gt 0 ]]; then
  for ((i = 0; i < ${#SPARSE[@]}; i += 4)); do
    SPARSE_ARGS=("${SPARSE[@]:i:4}")
    for r in "${RTOLS[@]+"${RTOLS[@]}"}"; do SPARSE_ARGS+=(--rtol "$r"); done
    [[ -n "$OUT" ]] && SPARSE_ARGS+=(--out "$OUT/sparse/${SPARSE[i+1]}_N${SPARSE[i+3]}")
    [[ $PLOT -eq 1 ]] && SPARSE_ARGS+=(--plot)
    [[ $INSTALL -eq 1 ]] && SPARSE_ARGS+=(--install-deps)
    echo "# ${SPARSE[i+1]}_N${SPARSE[i+3]}: benchmarks/compare-cvode-sparse.sh ${QUICK[*]+${QUICK[*]}} ${SPARSE_ARGS[*]}" >&2
    bash "$ROOT/benchmarks/compare-cvode-sparse.sh" ${QUICK[@]+"${QUICK[@]}"} "${SPARSE_ARGS[@]}"
  done
  [[ ${#SMALL[@]} -gt 0 ]] || exit 0
fi
PROBLEMS=("${SMALL[@]}")

missing() {
  local why=()
  [[ -f "$HARNESS/run.sh" ]] || why+=("no CVODE harness at $HARNESS (set CVODE_BENCH_DIR)")
  command -v "${CC:-gcc}" >/dev/null 2>&1 || why+=("no C compiler (${CC:-gcc})")
  [[ -f /usr/include/cvode/cvode.h ]] || why+=("no SUNDIALS headers (/usr/include/cvode/cvode.h)")
  "${PYTHON:-/usr/bin/python3}" -c 'import scipy, numpy' >/dev/null 2>&1 || why+=("${PYTHON:-/usr/bin/python3} cannot import scipy/numpy")
  command -v dotnet >/dev/null 2>&1 || why+=("no dotnet SDK")
  printf '%s\n' "${why[@]+"${why[@]}"}"
}

if [[ -n "$(missing)" && $INSTALL -eq 1 ]] && command -v apt-get >/dev/null 2>&1 && [[ $(id -u) -eq 0 ]]; then
  echo "compare-cvode: installing $PACKAGES" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y $PACKAGES >&2 || true
fi
REASONS="$(missing)"
if [[ -n "$REASONS" ]]; then
  echo "compare-cvode: SKIPPED — the comparison cannot run here:" >&2
  while IFS= read -r reason; do echo "  - $reason" >&2; done <<< "$REASONS"
  echo "  Install the requirements (Debian 12): apt-get install -y $PACKAGES" >&2
  echo "  or rerun with --install-deps as root." >&2
  exit 0
fi

DIR="${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/compare-cvode.XXXXXX")}"
mkdir -p "$DIR"
OURS_ARGS=()
HARNESS_ARGS=()
for p in "${PROBLEMS[@]}"; do OURS_ARGS+=(--problem "$p"); HARNESS_ARGS+=(--problem "$p"); done
for r in "${RTOLS[@]+"${RTOLS[@]}"}"; do OURS_ARGS+=(--rtol "$r"); done

echo "# machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(getconf _NPROCESSORS_ONLN) cpu(s); load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "# [1/2] our runner (dotnet run -c Release --project benchmarks/Ferroptosis.Sim.Benchmarks -- workprecision ${QUICK[*]+${QUICK[*]}} ${OURS_ARGS[*]})" >&2
dotnet build "$PROJECT" -c Release --nologo -v quiet >&2
dotnet run -c Release --no-build --project "$PROJECT" -- workprecision ${QUICK[@]+"${QUICK[@]}"} "${OURS_ARGS[@]}" > "$DIR/ours.tsv"
echo "# [2/2] CVODE harness (bash \$CVODE_BENCH_DIR/run.sh ${QUICK[*]+${QUICK[*]}} ${HARNESS_ARGS[*]})" >&2
bash "$HARNESS/run.sh" ${QUICK[@]+"${QUICK[@]}"} "${HARNESS_ARGS[@]}" > "$DIR/harness.tsv"
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# CVODE's row per problem: BDF with the analytic Jacobian on the stiff problems, Adams on AREN.
awk -F'\t' 'NR == 1 || $2 == "CVODE_BDF(dense,analyticJ)" || ($1 == "AREN" && $2 == "CVODE_Adams(fixedpoint)")' "$DIR/harness.tsv" > "$DIR/cvode.tsv"

awk -F'\t' -v OFS='\t' '
  function better(t, best) { return best == "" || t + 0 < best + 0 }
  FNR == 1 { next }
  FILENAME == ARGV[1] {
    if ($5 == "NA" || $9 == "NA") next
    key = $1 SUBSEP ($3 + 0)
    if (better($5, fast[key])) { fast[key] = $5; fastSolver[key] = $2; fastScd[key] = $9 }
    n[$1]++; solver[$1, n[$1]] = $2; rtol[$1, n[$1]] = $3; time[$1, n[$1]] = $5; scd[$1, n[$1]] = $9
    next
  }
  {
    key = $1 SUBSEP ($3 + 0)
    if (!(key in fast)) next
    line = $1 OFS $3 OFS fastSolver[key] OFS fastScd[key] OFS fast[key] OFS $9 OFS $5
    if ($5 == "NA" || $9 == "NA") { print line, "NA", "NA", "NA", "NA", "NA", "CVODE failed"; next }
    line = line OFS sprintf("%.2f", fast[key] / $5)
    best = ""; bestI = 0
    for (i = 1; i <= n[$1]; i++) if (scd[$1, i] + 0 >= $9 + 0 && better(time[$1, i], best)) { best = time[$1, i]; bestI = i }
    if (bestI == 0) { print line, "none", "NA", "NA", "NA", "misses (no solve of ours reaches CVODE scd)"; next }
    r = best / $5
    print line, solver[$1, bestI] "@" rtol[$1, bestI], scd[$1, bestI], best, sprintf("%.2f", r), (r <= 1 ? "meets" : "misses")
  }
' "$DIR/ours.tsv" "$DIR/cvode.tsv" > "$DIR/comparison.body"
{
  printf 'problem\trtol\tours_fastest\tours_scd\tours_s\tcvode_scd\tcvode_s\tratio\tequal_acc_ours\tequal_acc_scd\tequal_acc_s\tequal_acc_ratio\tverdict\n'
  cat "$DIR/comparison.body"
} > "$DIR/comparison.tsv"
rm -f "$DIR/comparison.body"
cat "$DIR/comparison.tsv"

if [[ $PLOT -eq 1 ]]; then
  dotnet run -c Release --no-build --project "$PROJECT" -- workprecision --from "$DIR/ours.tsv" --overlay "$DIR/cvode.tsv" --plot "$DIR" >&2
fi
echo "# tables: $DIR/ours.tsv (ours), $DIR/harness.tsv (harness, all solvers), $DIR/cvode.tsv (the CVODE rows), $DIR/comparison.tsv" >&2
