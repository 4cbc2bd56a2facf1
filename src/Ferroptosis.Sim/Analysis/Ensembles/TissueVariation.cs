using Ferroptosis.Sim.Modeling.Spatial;

namespace Ferroptosis.Sim.Analysis;

/// <summary>Cell-to-cell variability in a tissue, drawn from the distributions of a virtual population: cell c of the tissue gets the inputs that cell c of <see cref="VirtualPopulation"/> (or <see cref="Ensemble"/>) gets with the same variation and seed.</summary>
/// <remarks>
/// <para>
/// Each cell's inputs are F_i⁻¹(u) with u the counter-based random number of (seed, c, i), the stream of the population
/// tools, so a tissue and a population with the same seed hold the same cells, and a cell's values do not depend on the
/// tissue's size or on the order in which cells are set up. The inputs are applied to each cell's own model instance
/// before its initial state is computed, as in a population run: parameters, fold changes of parameters and initial
/// values (<see cref="ParameterInput"/>, <see cref="ParameterFoldChangeInput"/>, <see cref="InitialValueInput"/>).
/// Fold changes act on the value the cell holds when <see cref="Apply"/> is called, so set the cell type and drugs first.
/// Scheduled changes (inputs that add them to the run set-up) have no meaning in a tissue and are refused.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var tissue = TriggerWaveModel.CreateTissue(CellTopology.Line(200, TriggerWaveModel.CellSpacing));
/// TriggerWaveModel.SetEverywhere(tissue, "erastin", 1);
/// TissueVariation.Apply(tissue, [new CellVariation(new ParameterFoldChangeInput("k_GPX4"), InputDistribution.LogNormalFromMean(1, 0.2))], seed: 7);
/// var y0 = TriggerWaveModel.PrimedState(tissue, 1, TimeSpan.FromHours(24));
/// </code>
/// </example>
public static class TissueVariation
{
    /// <summary>Draws every cell's inputs and applies them to the cell.</summary>
    /// <param name="tissue">The tissue.</param>
    /// <param name="variation">The sources of variability, as for <see cref="VirtualPopulation"/>.</param>
    /// <param name="seed">The seed of the counter-based stream.</param>
    /// <returns>The values drawn, cell by cell: element [c·k + i] is cell c's value of input i (k = variation count).</returns>
    /// <exception cref="ArgumentException">An input schedules a change during the run, which a tissue cannot hold.</exception>
    public static double[] Apply(TissueSystem tissue, IReadOnlyList<CellVariation> variation, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(tissue);
        ArgumentNullException.ThrowIfNull(variation);
        int k = variation.Count;
        var distributions = variation.Select(v => v.Distribution).ToArray();
        var values = new double[tissue.CellCount * k];
        var setup = new RunSetup(0, 0);
        for (int c = 0; c < tissue.CellCount; c++)
        {
            var drawn = values.AsSpan(c * k, k);
            Ensemble.Draw(seed, c, distributions, drawn);
            setup.Begin(tissue.OwnInstanceOf(c), null);
            for (int i = 0; i < k; i++)
            {
                variation[i].Input.Apply(setup, drawn[i]);
                if (setup.Schedule.Count > 0)
                {
                    throw new ArgumentException($"Input '{variation[i].Input.Name}' schedules a change during the run; a tissue's cells take parameters and initial values only.", nameof(variation));
                }
            }
        }

        return values;
    }
}
