namespace Ferroptosis.Sim.Analysis;

/// <summary>The Morris statistics of one factor for one output, in unit-cube units (an elementary effect is a change of the output per unit of the factor's scaled range).</summary>
/// <param name="Factor">The factor (input) name.</param>
/// <param name="Mu">The mean elementary effect μ (effects of opposite signs cancel).</param>
/// <param name="MuStar">The mean absolute elementary effect μ* (Campolongo et al. 2007): the overall influence.</param>
/// <param name="Sigma">The standard deviation σ of the elementary effects: non-linearity or interactions.</param>
/// <param name="Effects">The number of elementary effects used (fewer than the trajectories if evaluations failed).</param>
public sealed record MorrisIndex(string Factor, double Mu, double MuStar, double Sigma, int Effects);
