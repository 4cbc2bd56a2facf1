using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Plotting;

/// <summary>The sample's figure: one survival panel per cell type (lines = conditions) and the lipid peroxides under erastin by cell type.</summary>
/// <remarks>Kept apart from the simulations so that the tests can check the figure model the sample exports.</remarks>
internal static class TrajectoryFigure
{
    /// <summary>The condition every panel is about.</summary>
    public const string Insult = "erastin 10 µM";

    /// <summary>Gets the conditions of every cell type: untreated, erastin alone, and erastin with each rescue (all added at t = 0).</summary>
    public static (string Name, Perturbation[] Treatment)[] Conditions { get; } =
    [
        ("untreated", []),
        (Insult, [Perturbation.Erastin(10)]),
        ("erastin + Fer-1 1 µM", [Perturbation.Erastin(10), Perturbation.Ferrostatin1(1)]),
        ("erastin + DFO 100 µM", [Perturbation.Erastin(10), Perturbation.Deferoxamine(100)]),
        ("erastin + ZnPP 10 µM", [Perturbation.Erastin(10), Perturbation.ZincProtoporphyrin(10)]),
    ];

    /// <summary>Builds the figure.</summary>
    /// <param name="runs">Every cell type under every condition.</param>
    /// <param name="conditionOf">The condition of a run, e.g. "erastin + Fer-1 1 µM".</param>
    /// <returns>Panels A–C (survival of osteoblasts, osteoclasts, osteocytes) and D (lipid peroxides under erastin).</returns>
    public static MultiPanelFigure Create(IReadOnlyList<CellSimulationResult> runs, Func<CellSimulationResult, string> conditionOf)
    {
        // The legend goes below the plot, which keeps the full width of the panel for the data.
        var options = new FigureOptions { Legend = LegendLocation.Below };
        var panels = BoneCell.All
            .Select(cell =>
            {
                // The untreated reference last, so its dashes are drawn over the rescued arms it coincides with at S ≈ 1.
                var lines = runs.Where(r => r.Cell == cell).OrderBy(r => conditionOf(r) == "untreated" ? 1 : 0);
                var model = CellDeathFigure.Survival(lines, conditionOf, options: options);
                model.Title = $"{CellDeathFigure.CellName(cell)}: {Insult} alone or with a rescue";
                model.Subtitle = string.IsNullOrEmpty(model.Subtitle) ? ModelVersion(runs) : $"{ModelVersion(runs)}; {model.Subtitle}";
                return model;
            })
            .ToList();

        // Lipid peroxides under erastin alone, one line per cell type, ended where the culture is dead.
        var erastinOnly = runs.Where(r => conditionOf(r) == Insult).ToList();
        var peroxides = CellDeathFigure.LipidPeroxides(erastinOnly, r => CellDeathFigure.CellName(r.Cell), options with { Legend = LegendLocation.InsideTopLeft });
        peroxides.Title = $"{Insult}: lipid peroxides by cell type";
        panels.Add(peroxides);
        return new MultiPanelFigure(panels, columns: 2);
    }

    /// <summary>Writes what the figure shows, the protocol, the model, the solver and its tolerances.</summary>
    /// <param name="runs">The simulations in the figure.</param>
    /// <param name="csvName">The file name of the trajectories, named in the caption.</param>
    /// <returns>The caption.</returns>
    public static FigureCaption Caption(IReadOnlyList<CellSimulationResult> runs, string csvName) =>
        FigureCaption.ForSimulations("Ferroptotic death of osteoblasts, osteoclasts and osteocytes under erastin 10 µM, alone and with one rescue each.", runs) with
        {
            Panels =
            [
                "A–C: surviving fraction (0–1) of osteoblasts (A), osteoclasts (B) and osteocytes (C) against time, one line per condition. A point (each line its own shape, shown on its legend entry) and a dashed drop mark t50 (50 % death), also given in the legend with one decimal; the grey dashed line is 50 % survival. Lines named in a subtitle coincide: untreated is drawn dashed over them.",
                "D: lipid peroxides under erastin 10 µM alone, one line per cell type, on a log axis. Each line ends where its culture is dead (surviving fraction < 0.01); the black dashed line is the death threshold LPO_th, the level at half-maximal death hazard.",
            ],
            Protocol = "each cell type at its resting state, then exposed at t = 0 for 48 h to erastin 10 µM (system xc⁻ inhibitor) alone or together with ferrostatin-1 1 µM (radical-trapping antioxidant), deferoxamine 100 µM (iron chelator) or zinc protoporphyrin 10 µM (heme-oxygenase inhibitor), all added at t = 0; untreated: no drug.",
            Notes = [FigureCaption.NormalisedUnitNote, $"Data: {csvName} (every trajectory, long format)."],
        };

    private static string ModelVersion(IReadOnlyList<CellSimulationResult> runs) =>
        string.Join(", ", runs.Select(r => r.Model.ToString()).Distinct(StringComparer.Ordinal));
}
