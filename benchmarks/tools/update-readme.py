#!/usr/bin/env python3
"""Writes the generated sections of benchmarks/README.md from the files of one run in benchmarks/results.

Usage: update-readme.py RESULTS_DIR README

Each generated section sits between '<!-- generated:KEY -->' and '<!-- /generated:KEY -->' in the README and
is replaced as a whole; everything else is left as written. Every number comes from a result file; a missing
file gives a section saying what was not run. Standard library only.
"""
import csv
import glob
import os
import re
import sys

MICRO = {"ns": 1e-3, "us": 1.0, "μs": 1.0, "µs": 1.0, "ms": 1e3, "s": 1e6}
STIFF = ["ROBER", "HIRES", "OREGO", "VDPOL"]


def read_tsv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t"))


def bdn_report(results, cls):
    """Returns (text, rows) of a BenchmarkDotNet GitHub report: its full text and the table as dicts."""
    paths = glob.glob(os.path.join(results, "bdn", f"*.{cls}-report-github.md"))
    if not paths:
        return None, []
    text = open(paths[0]).read().strip()
    lines = [l for l in text.splitlines() if l.startswith("|")]
    if len(lines) < 3:
        return text, []
    def cells(line):
        # GitHub reports bold the first row of each parameter group and separate groups by empty rows.
        return [c.strip().replace("**", "").strip() for c in line.strip().strip("|").split("|")]

    header = cells(lines[0])
    rows = [dict(zip(header, cells(l))) for l in lines[2:]]
    return text, [r for r in rows if r.get("Method")]


def micros(value):
    """'1,258.4 us' -> 1258.4 (microseconds); None for NA."""
    m = re.match(r"^([\d,.]+)\s*(ns|us|μs|µs|ms|s)$", value.strip())
    return float(m.group(1).replace(",", "")) * MICRO[m.group(2)] if m else None


def fmt_us(us):
    if us is None:
        return "NA"
    if us >= 1e6:
        return f"{us / 1e6:.2f} s"
    if us >= 1e3:
        return f"{us / 1e3:.2f} ms"
    return f"{us:.1f} µs"


def md_table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


def section_machine(results):
    path = os.path.join(results, "machine.txt")
    return "```\n" + open(path).read().strip() + "\n```" if os.path.exists(path) else "(machine stamp missing: run run-all.sh)"


def section_cvode(results):
    path = os.path.join(results, "cvode", "comparison.tsv")
    if not os.path.exists(path):
        return "(not run: compare-cvode.sh was skipped or failed; see its message)"
    rows = read_tsv(path)
    body = []
    for r in rows:
        body.append([r["problem"], r["rtol"], r["ours_fastest"], r["ours_scd"], fmt_us(float(r["ours_s"]) * 1e6),
                     r["cvode_scd"], fmt_us(float(r["cvode_s"]) * 1e6) if r["cvode_s"] != "NA" else "NA", r["ratio"],
                     r["equal_acc_ours"], r["equal_acc_scd"],
                     fmt_us(float(r["equal_acc_s"]) * 1e6) if r["equal_acc_s"] != "NA" else "NA", r["equal_acc_ratio"], r["verdict"]])
    return md_table(["problem", "rtol", "ours: fastest", "scd", "time", "CVODE scd", "CVODE time", "ratio",
                     "at equal accuracy: ours", "scd", "time", "ratio", ""], body)


def section_pathway(results):
    path = os.path.join(results, "workprecision-pathway.tsv")
    if not os.path.exists(path):
        return "(not run)"
    rows = read_tsv(path)
    out = []
    for problem in dict.fromkeys(r["problem"] for r in rows):
        sub = [r for r in rows if r["problem"] == problem]
        rtols = list(dict.fromkeys(r["rtol"] for r in sub))
        solvers = list(dict.fromkeys(r["solver"] for r in sub))
        body = []
        for s in solvers:
            cells = []
            for t in rtols:
                r = next((x for x in sub if x["solver"] == s and x["rtol"] == t), None)
                if r is None or r["median_seconds"] == "NA":
                    cells.append("NA")
                else:
                    cells.append(f"{fmt_us(float(r['median_seconds']) * 1e6)} ({r['scd']})")
            body.append([s] + cells)
        out.append(f"**{problem}** — median time of a solve (scd reached), atol = 1e-3·rtol\n\n" + md_table(["solver"] + [f"rtol {t}" for t in rtols], body))
    return "\n\n".join(out)


def section_bdn(results, cls):
    text, _ = bdn_report(results, cls)
    return text if text else f"(no report for {cls}: run run-all.sh without --skip-bdn)"


def section_setup(results, pattern):
    path = os.path.join(results, "bdn", "setup-lines.txt")
    if not os.path.exists(path):
        return "(no setup lines)"
    lines = [l.rstrip() for l in open(path) if re.match(pattern, l)]
    return "```\n" + "\n".join(lines) + "\n```" if lines else "(no setup lines)"


def median_of(rows, predicate):
    values = [(micros(r.get("Median", "")), r) for r in rows if predicate(r)]
    return [(v, r) for v, r in values if v is not None]


def section_breakdown(results):
    """Differences between the rows of the cost benchmark: what each ingredient of a cell simulation costs."""
    _, cost = bdn_report(results, "CellSimulationCostBenchmarks")
    m = {r["Method"]: micros(r.get("Median", "")) for r in cost}
    needed = ["RunDefaults", "RunEndOnly", "RunLean", "SimulatorEndOnly", "SimulatorEndOnlyWithoutWatch",
              "OdeAutoCapped", "OdeAuto", "InitialState"]
    if any(m.get(k) is None for k in needed):
        return "(no complete CellSimulationCostBenchmarks report)"
    ode = {k[3:]: v for k, v in m.items() if k.startswith("Ode") and k != "OdeAutoCapped" and v is not None}
    best = min(ode, key=ode.get)
    total = m["RunDefaults"]
    watch = m["SimulatorEndOnly"] - m["SimulatorEndOnlyWithoutWatch"]
    rest = m["RunEndOnly"] - m["OdeAutoCapped"] - watch - m["InitialState"]
    rows = [
        ("the solve itself with the best method (" + best + ")", ode[best]),
        ("the 0.25 h step cap (Auto capped − uncapped)", m["OdeAutoCapped"] - m["OdeAuto"]),
        ("recording every quantity every 0.25 h (RunDefaults − RunEndOnly)", total - m["RunEndOnly"]),
        ("locating t50: the threshold watch (SimulatorEndOnly − SimulatorEndOnlyWithoutWatch)", watch),
        ("initial values by the interpreter (InitialState)", m["InitialState"]),
        ("the rest: set-up, resting-state lookup, result (by difference)", rest),
        ("RunDefaults (the sum of the lines above)", total),
    ]
    if best != "Auto":
        rows.insert(1, ("Auto (the default solver) instead of " + best, m["OdeAuto"] - ode[best]))
    # Differences of medians carry the noise of both; a small negative remainder means "nothing measurable".
    body = [[name, fmt_us(v) if v >= 0 else f"≈ 0 ({fmt_us(v)}, within noise)", f"{100 * v / total:.0f} %" if v >= 0 else ""]
            for name, v in rows]
    body.append(["for comparison: the API with lean options (RunLean) − the bare Auto solve", fmt_us(m["RunLean"] - m["OdeAuto"]), ""])
    return md_table(["component of one FerroptosisSimulation.Run with defaults", "median", "share"], body)


def section_targets(results):
    out = []
    _, cost = bdn_report(results, "CellSimulationCostBenchmarks")
    ode = median_of(cost, lambda r: r["Method"].startswith("Ode"))
    api = {r["Method"]: micros(r.get("Median", "")) for r in cost}
    if ode:
        best, row = min(ode, key=lambda x: x[0])
        verdict = "met" if best < 100 else "not met"
        out.append(["Pathway model, one 48 h cell simulation < 100 µs median (best method)",
                    f"{verdict}: bare solve {fmt_us(best)} ({row['Method'][3:]}); public API with defaults {fmt_us(api.get('RunDefaults'))}, "
                    f"lean options {fmt_us(api.get('RunLean'))}", "CellSimulationCostBenchmarks"])
    _, pop = bdn_report(results, "CellPopulationBenchmarks")
    meds = median_of(pop, lambda r: True)
    if meds:
        best, row = min(meds, key=lambda x: x[0])
        verdict = "met" if best < 1e6 else "not met"
        others = ", ".join(f"{r['Solver']} {fmt_us(v)}" for v, r in meds)
        out.append(["10,000-cell ensemble < 1 s on 2 cores", f"{verdict}: {fmt_us(best)} with {row['Solver']} ({others})", "CellPopulationBenchmarks"])
    path = os.path.join(results, "cvode", "comparison.tsv")
    if os.path.exists(path):
        rows = [r for r in read_tsv(path) if r["problem"] in STIFF and r["rtol"] in ("1e-06", "1e-08")]
        misses = [f"{r['problem']} {r['rtol']} (ratio {r['equal_acc_ratio']})" for r in rows if r["verdict"] != "meets"]
        ratios = [float(r["equal_acc_ratio"]) for r in rows if r["equal_acc_ratio"] not in ("NA", "")]
        summary = (f"met on all {len(rows)}" if not misses else f"not met on {', '.join(misses)}") + \
                  (f"; time ratio at equal accuracy {min(ratios):.2f}–{max(ratios):.2f}" if ratios else "")
        out.append(["Best stiff method ≤ CVODE time at ≥ its scd, ROBER/HIRES/OREGO/VDPOL, rtol 1e-6 and 1e-8", summary, "compare-cvode.sh"])
    _, inc = bdn_report(results, "IncumbentBenchmarks")
    factors = []
    for problem in dict.fromkeys(r["Problem"] for r in inc):
        ours = median_of(inc, lambda r: r["Problem"] == problem and r["Method"] == "Tsit5")
        theirs = median_of(inc, lambda r: r["Problem"] == problem and r["Method"] == "MathNetRungeKutta4")
        if ours and theirs:
            factors.append(f"{problem} ×{theirs[0][0] / ours[0][0]:.1f}")
    if factors:
        out.append(["MathNet RK4 at equal accuracy: time factor over our Tsit5 (median/median)", ", ".join(factors), "IncumbentBenchmarks"])
    if not out:
        return "(no results yet: run run-all.sh)"
    return md_table(["target", "measured", "source"], out)


def main():
    results, readme = sys.argv[1], sys.argv[2]
    sections = {
        "machine": lambda: section_machine(results),
        "breakdown": lambda: section_breakdown(results),
        "targets": lambda: section_targets(results),
        "cvode": lambda: section_cvode(results),
        "pathway": lambda: section_pathway(results),
        "incumbent-setup": lambda: section_setup(results, r"(AREN|LOGISTIC|osteoblast|osteoclast|osteocyte): "),
        "cell-setup": lambda: section_setup(results, r"(osteoblast|osteoclast|osteocyte) [\w-]+: "),
        "population-setup": lambda: section_setup(results, r"(Rodas5P|Auto|Tsit5): "),
        "cost-setup": lambda: section_setup(results, r"(Run|Ode \w+): "),
    }
    text = open(readme).read()
    for key in re.findall(r"<!-- generated:([\w.-]+) -->", text):
        if key in sections:
            body = sections[key]()
        elif key.startswith("bdn-"):
            body = section_bdn(results, key[4:])
        else:
            sys.exit(f"update-readme: unknown section '{key}'")
        text = re.sub(rf"(<!-- generated:{re.escape(key)} -->).*?(<!-- /generated:{re.escape(key)} -->)",
                      lambda m: m.group(1) + "\n" + body + "\n" + m.group(2), text, flags=re.S)
    open(readme, "w").write(text)


if __name__ == "__main__":
    main()
