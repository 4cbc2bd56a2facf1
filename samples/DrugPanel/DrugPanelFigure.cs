using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Plotting;
using OxyPlot;
using OxyPlot.Axes;

/// <summary>The sample's conditions and its two figures: the survival heat map (condition × cell type) and the trajectories per inducer.</summary>
/// <remarks>Kept apart from the console output so that the tests can check the figure models the sample exports.</remarks>
internal static class DrugPanelFigure
{
    private static readonly Perturbation Erastin = Perturbation.Erastin(10), Rsl3 = Perturbation.Rsl3(0.1), LowErastin = Perturbation.Erastin(2);
    private static readonly Perturbation Fer1 = Perturbation.Ferrostatin1(1), Dfo = Perturbation.Deferoxamine(100), Znpp = Perturbation.ZincProtoporphyrin(10);

    /// <summary>Gets the conditions, untreated first, every inducer with its dose; drugs are added together at t = 0.</summary>
    public static (string Name, Perturbation[] Drugs)[] Conditions { get; } =
    [
        ("untreated", []),
        ("erastin 10 µM", [Erastin]),
        ("erastin 10 µM + Fer-1 1 µM", [Erastin, Fer1]),
        ("erastin 10 µM + DFO 100 µM", [Erastin, Dfo]),
        ("erastin 10 µM + ZnPP 10 µM", [Erastin, Znpp]),
        ("erastin 10 µM + SFN 5 µM", [Erastin, Perturbation.Sulforaphane(5)]),
        ("RSL3 0.1 µM", [Rsl3]),
        ("RSL3 0.1 µM + Fer-1 1 µM", [Rsl3, Fer1]),
        ("RSL3 0.1 µM + DFO 100 µM", [Rsl3, Dfo]),
        ("RSL3 0.1 µM + ZnPP 10 µM", [Rsl3, Znpp]),
        ("erastin 2 µM", [LowErastin]),
        ("erastin 2 µM + ML385 5 µM", [LowErastin, Perturbation.Ml385(5)]),
    ];

    /// <summary>Gets the rows of the trajectory figure: one per inducer, each with the untreated control and every arm given with that inducer (indices into <see cref="Conditions"/>).</summary>
    public static (string Title, int[] Arms)[] Groups { get; } = [("erastin 10 µM ± rescue", [0, 1, 2, 3, 4, 5]), ("RSL3 0.1 µM ± rescue", [0, 6, 7, 8, 9]), ("erastin 2 µM ± ML385", [0, 10, 11])];

    /// <summary>Runs every condition on every cell type.</summary>
    /// <param name="duration">How long each culture runs (the sample: 24 h).</param>
    /// <returns>The runs, indexed [condition, cell type] as <see cref="Conditions"/> and <see cref="BoneCell.All"/>.</returns>
    public static CellSimulationResult[,] Run(TimeSpan duration)
    {
        var cells = BoneCell.All;
        var runs = new CellSimulationResult[Conditions.Length, cells.Count];
        Parallel.For(0, runs.Length, k =>
        {
            int i = k / cells.Count, j = k % cells.Count;
            runs[i, j] = FerroptosisSimulation.Run(cells[j], Conditions[i].Drugs, duration);
        });
        return runs;
    }

    /// <summary>Builds the heat map: survival at 24 h, one row per condition, one column per cell type.</summary>
    /// <param name="runs">The runs of <see cref="Run"/>.</param>
    /// <returns>The plot model.</returns>
    public static PlotModel HeatMap(CellSimulationResult[,] runs)
    {
        var model = CellDeathFigure.SurvivalHeatMap(
            [.. Conditions.Select(x => x.Name)],
            [.. BoneCell.All.Select(CellDeathFigure.CellName)],
            runs,
            TimeSpan.FromHours(24),
            new FigureOptions { Title = "Drug panel: survival at 24 h" });
        Categories(model, "Condition (drugs added at t = 0)", "Cell type");
        return model;
    }

    private static void Categories(PlotModel model, string rows, string columns)
    {
        model.Axes.Single(a => a.Position == AxisPosition.Left).Title = rows;
        model.Axes.Single(a => a.Position == AxisPosition.Bottom).Title = columns;
    }

    /// <summary>Builds the trajectories: per inducer (row), the survival of each cell type, then the osteoblast's GSH.</summary>
    /// <param name="runs">The runs of <see cref="Run"/>.</param>
    /// <returns>The figure, one row of panels per entry of <see cref="Groups"/>.</returns>
    public static MultiPanelFigure Trajectories(CellSimulationResult[,] runs)
    {
        // GSH, which erastin depletes and RSL3 does not (it inhibits GPX4 itself), ends once the culture is more than
        // 90 % dead: the few cells left are no read-out.
        var cells = BoneCell.All;
        var below = new FigureOptions { Legend = LegendLocation.Below };
        var panels = new List<PlotModel>();
        foreach (var (title, arms) in Groups)
        {
            panels.AddRange(cells.Select((cell, j) =>
            {
                var model = CellDeathFigure.Survival(arms.Select(i => runs[i, j]), Name, options: below);
                model.Title = $"{CellDeathFigure.CellName(cell)}: {title}";
                return model;
            }));
            var glutathione = CellDeathFigure.TimeCourseWhileAlive(arms.Select(i => runs[i, 0]), "GSH", deadBelow: 0.1, label: Name, options: below);
            glutathione.Title = $"Osteoblast GSH: {title}";
            panels.Add(glutathione);
        }

        return new MultiPanelFigure(panels, columns: cells.Count + 1);
    }

    /// <summary>Names a run by its condition.</summary>
    /// <param name="run">A run of <see cref="Run"/>.</param>
    /// <returns>The condition's name, e.g. "erastin 10 µM + Fer-1 1 µM".</returns>
    public static string Name(CellSimulationResult run) => Conditions[Array.FindIndex(Conditions, x => x.Drugs.SequenceEqual(run.Perturbations))].Name;
}
