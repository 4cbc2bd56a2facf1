using System.Globalization;
using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Plotting;
using OxyPlot;

/// <summary>The sample's protocol (cell types, HO-1 levels, arms), its runs and its figure: surviving fraction (A) and peak labile Fe²⁺ (B) against the HO-1 level.</summary>
/// <remarks>Kept apart from the console output so that the tests can check the figure model the sample exports.</remarks>
internal static class DualRoleFigure
{
    /// <summary>Gets the HO-1 levels (× wild type), the HO-1-null control (0×) first.</summary>
    public static double[] Levels { get; } = [0, 0.25, 0.5, 1, 1.5, 2, 3, 5, 7, 10, 15, 20, 30, 50];

    /// <summary>Gets the cell types challenged.</summary>
    public static BoneCell[] Cells { get; } = [BoneCell.Osteoblast, BoneCell.Osteocyte];

    /// <summary>Gets deferoxamine 100 µM, the iron-chelation rescue.</summary>
    public static Perturbation Dfo { get; } = Perturbation.Deferoxamine(100);

    /// <summary>Gets the arms: how HO-1 is held at a level (and whether DFO is added).</summary>
    public static (string Name, Func<double, Perturbation[]> Arm)[] Arms { get; } =
    [
        ("constitutive", h => [Perturbation.Hmox1Transgene(h)]),
        ("induced 48 h before", h => [Perturbation.Hmox1TransgeneInduction(h).Before(TimeSpan.FromHours(48))]),
        ("induced with erastin", h => [Perturbation.Hmox1TransgeneInduction(h)]),
        ("constitutive + DFO", h => [Perturbation.Hmox1Transgene(h), Dfo]),
    ];

    /// <summary>Runs a cell for 24 h under the given perturbations.</summary>
    /// <param name="cell">The cell type.</param>
    /// <param name="p">The perturbations.</param>
    /// <returns>The run.</returns>
    public static CellSimulationResult Run(BoneCell cell, params Perturbation[] p) => FerroptosisSimulation.Run(cell, p, TimeSpan.FromHours(24));

    /// <summary>Finds each cell type's own 24-h erastin IC50 (wild type), by bisection in log dose.</summary>
    /// <returns>The IC50 (µM) per cell type.</returns>
    public static Dictionary<BoneCell, double> Ic50() => Cells.ToDictionary(c => c, c => DoseResponse.FindIC50(d => Run(c, Perturbation.Erastin(d)).SurvivalAtHours(24), 0.1, 200).Dose);

    /// <summary>Runs every cell type, arm and HO-1 level under erastin at the cell type's IC50.</summary>
    /// <param name="ic50">The IC50s of <see cref="Ic50"/>.</param>
    /// <returns>The runs, indexed [cell type, arm, level] as <see cref="Cells"/>, <see cref="Arms"/> and <see cref="Levels"/>.</returns>
    public static CellSimulationResult[,,] Run(Dictionary<BoneCell, double> ic50)
    {
        var runs = new CellSimulationResult[Cells.Length, Arms.Length, Levels.Length];
        Parallel.For(0, runs.Length, k =>
        {
            int i = k / (Arms.Length * Levels.Length), j = k / Levels.Length % Arms.Length, l = k % Levels.Length;
            runs[i, j, l] = Run(Cells[i], [.. Arms[j].Arm(Levels[l]), Perturbation.Erastin(ic50[Cells[i]])]);
        });
        return runs;
    }

    /// <summary>Reads one curve: a value of every level's run of one cell type and arm.</summary>
    /// <param name="runs">The runs of <see cref="Run(Dictionary{BoneCell, double})"/>.</param>
    /// <param name="i">The cell type's index.</param>
    /// <param name="j">The arm's index.</param>
    /// <param name="read">The read-out.</param>
    /// <returns>One value per level.</returns>
    public static double[] Row(CellSimulationResult[,,] runs, int i, int j, Func<CellSimulationResult, double> read) => [.. Enumerable.Range(0, Levels.Length).Select(l => read(runs[i, j, l]))];

    /// <summary>Reads the surviving fraction at 24 h.</summary>
    /// <param name="r">The run.</param>
    /// <returns>S(24 h).</returns>
    public static double Survival(CellSimulationResult r) => r.SurvivalAtHours(24);

    /// <summary>Reads the peak labile Fe²⁺ (µM) of a run.</summary>
    /// <param name="r">The run.</param>
    /// <returns>The peak of the labile iron pool.</returns>
    public static double PeakIron(CellSimulationResult r) => r.Quantity("LIP").Max();

    /// <summary>Builds the figure.</summary>
    /// <param name="runs">The runs of <see cref="Run(Dictionary{BoneCell, double})"/>.</param>
    /// <param name="ic50">The IC50s the runs used.</param>
    /// <returns>A: surviving fraction; B: peak labile Fe²⁺; both against the HO-1 level on a log axis with the 0× control left of an axis break.</returns>
    public static MultiPanelFigure Create(CellSimulationResult[,,] runs, Dictionary<BoneCell, double> ic50)
    {
        var c = CultureInfo.InvariantCulture;

        // A: survival; B: peak labile Fe²⁺. One line per cell type (colour) and arm (dash pattern and marker); 0× drawn left of an axis break.
        SeriesStyle Style(int i, int j) => new()
        {
            Color = ConditionStyles.Of(Cells[i].Name).Color,
            LineStyle = j switch { 0 => LineStyle.Solid, 1 => LineStyle.Dash, 2 => LineStyle.Dot, _ => LineStyle.LongDashDot },
            Marker = j switch { 0 => MarkerType.Circle, 1 => MarkerType.Square, 2 => MarkerType.Triangle, _ => MarkerType.Diamond },
        };
        IEnumerable<DoseResponseCurve> Curves(int[] shownArms, Func<CellSimulationResult, double> read, int cellCount = 2) =>
            Cells.Take(cellCount).SelectMany((cell, i) => shownArms.Select(j => new DoseResponseCurve($"{cell.Name}, {Arms[j].Name}", Levels, Row(runs, i, j, read)) { ConnectPoints = true, Style = Style(i, j) }));
        string protocol = string.Create(c, $"erastin at the cell's 24-h IC50 ({string.Join(", ", Cells.Select(cell => $"{cell.Name} {ic50[cell]:F2} µM"))}) for 24 h");
        var doseAxis = new AxisSpec("HO-1 level (HMOX1 transgene)", "× wild type");
        var options = new FigureOptions { Legend = LegendLocation.Below };
        var survivalPanel = DoseResponseChart.Create(Curves([0, 1, 2, 3], Survival), doseAxis, new AxisSpec("Surviving fraction at 24 h", "0–1").WithRange(-0.03, 1.05), options);
        survivalPanel.Title = "HO-1 under erastin: protection, then iron-driven death";
        survivalPanel.Subtitle = string.IsNullOrEmpty(survivalPanel.Subtitle) ? protocol : $"{protocol}\n{survivalPanel.Subtitle}";

        // The osteocyte's iron is the osteoblast's within a line's width (printed by the sample): one cell type is drawn, the gap is stated.
        int[] ironArms = [0, 3];
        double ironGap = ironArms.Max(j => Row(runs, 0, j, PeakIron).Zip(Row(runs, 1, j, PeakIron)).Max(p => Math.Abs(p.First - p.Second)));
        var ironPanel = DoseResponseChart.Create(Curves(ironArms, PeakIron, cellCount: 1), doseAxis, new AxisSpec("Peak labile Fe²⁺ in 24 h", "µM"), options);
        ironPanel.Title = "Iron read-out: labile Fe²⁺ rises with HO-1; DFO lowers it";
        ironPanel.Subtitle = string.Create(c, $"osteoblast; the osteocyte's lines lie within {ironGap:G2} µM of these (not drawn)");
        return new MultiPanelFigure([survivalPanel, ironPanel], columns: 2);
    }
}
