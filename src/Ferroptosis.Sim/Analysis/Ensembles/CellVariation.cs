namespace Ferroptosis.Sim.Analysis;

/// <summary>One source of cell-to-cell variability: an input of the run and the distribution of its value over the population.</summary>
/// <param name="Input">What varies, e.g. <c>new ParameterFoldChangeInput("k_GPX4")</c> or <c>new InitialValueInput("GSH")</c>.</param>
/// <param name="Distribution">Its distribution, e.g. <c>InputDistribution.LogNormal(1, 0.25)</c> for a fold change.</param>
public sealed record CellVariation(IModelInput Input, InputDistribution Distribution);
