using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Plotting;
using OxyPlot.Axes;

/// <summary>The sample's scenarios and its figure: survival per cell type (lines = scenarios) and the heat map of survival at 48 h without and with ferrostatin-1.</summary>
/// <remarks>Kept apart from the console output so that the tests can check the figure model the sample exports.</remarks>
internal static class ScenarioFigure
{
    /// <summary>Gets the scenarios, healthy (<see langword="null"/>) first.</summary>
    public static DiseaseScenario?[] Scenarios { get; } = [null, DiseaseScenario.Glucocorticoid, DiseaseScenario.HighGlucose, DiseaseScenario.IronOverload, DiseaseScenario.EstrogenDeficiency];

    /// <summary>Runs every scenario on every cell type, without and with ferrostatin-1 1 µM.</summary>
    /// <param name="duration">How long each culture runs (the sample: 48 h).</param>
    /// <returns>The runs, indexed [scenario, cell type, 0 = untreated / 1 = + Fer-1] as <see cref="Scenarios"/> and <see cref="BoneCell.All"/>.</returns>
    public static CellSimulationResult[,,] Run(TimeSpan duration)
    {
        var cells = BoneCell.All;
        var fer1 = Perturbation.Ferrostatin1(1);
        var runs = new CellSimulationResult[Scenarios.Length, cells.Count, 2];
        Parallel.For(0, runs.Length, k =>
        {
            int s = k / (cells.Count * 2), j = k / 2 % cells.Count, f = k % 2;
            var options = new CellSimulationOptions { Scenario = Scenarios[s] };
            runs[s, j, f] = FerroptosisSimulation.Run(cells[j], f == 0 ? [] : [fer1], duration, options);
        });
        return runs;
    }

    /// <summary>Builds the figure.</summary>
    /// <param name="runs">The runs of <see cref="Run"/>.</param>
    /// <param name="hours">The time of the heat map's read-out (the sample: 48 h).</param>
    /// <returns>A–C: trajectories per cell type, one line per scenario; D: survival at <paramref name="hours"/>, scenario (± Fer-1) × cell type.</returns>
    public static MultiPanelFigure Create(CellSimulationResult[,,] runs, double hours)
    {
        var cells = BoneCell.All;
        var panels = cells.Select((cell, j) =>
        {
            var panel = CellDeathFigure.Survival(Enumerable.Range(0, Scenarios.Length).Select(s => runs[s, j, 0]), r => Name(r.Scenario), options: new FigureOptions { Legend = LegendLocation.Below });
            panel.Title = CellDeathFigure.CellName(cell);
            return panel;
        }).ToList();

        // D: every scenario, healthy first, without and with Fer-1; row labels say what the condition is in culture.
        var rows = new List<string>();
        var table = new CellSimulationResult[Scenarios.Length * 2, cells.Count];
        for (int s = 0; s < Scenarios.Length; s++)
        {
            rows.Add(Scenarios[s] is { } scenario ? $"{Name(scenario)} ({Culture(scenario)})" : "healthy");
            rows.Add($"{Name(Scenarios[s])} + Fer-1");
            for (int j = 0; j < cells.Count; j++)
            {
                table[s * 2, j] = runs[s, j, 0];
                table[(s * 2) + 1, j] = runs[s, j, 1];
            }
        }

        var heatMap = CellDeathFigure.SurvivalHeatMap(rows, [.. cells.Select(CellDeathFigure.CellName)], table, TimeSpan.FromHours(hours));
        heatMap.Axes.Single(a => a.Position == AxisPosition.Left).Title = "Condition (in vitro)";
        heatMap.Axes.Single(a => a.Position == AxisPosition.Bottom).Title = "Cell type";
        panels.Add(heatMap);
        return new MultiPanelFigure(panels, columns: 2);
    }

    /// <summary>Names a scenario readably: the registry's condition names, so each keeps its colour in every figure.</summary>
    /// <param name="scenario">The scenario; <see langword="null"/> for healthy.</param>
    /// <returns>E.g. "glucocorticoid excess".</returns>
    public static string Name(DiseaseScenario? scenario) => scenario?.Name switch
    {
        null => "healthy",
        "glucocorticoid" => "glucocorticoid excess",
        "estrogen-deficiency" => "estrogen loss",
        { } name => name.Replace('-', ' '),
    };

    /// <summary>Names the in-vitro form of a scenario.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>E.g. "FAC 200 µM".</returns>
    public static string Culture(DiseaseScenario scenario) => scenario.Name switch
    {
        "glucocorticoid" => "dexamethasone 1 µM",
        "high-glucose" => "glucose 25.5 mM",
        "iron-overload" => "FAC 200 µM",
        "estrogen-deficiency" => "model changes",
        _ => scenario.Description,
    };
}
