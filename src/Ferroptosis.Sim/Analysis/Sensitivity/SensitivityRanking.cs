namespace Ferroptosis.Sim.Analysis;

/// <summary>How parameters are ranked by their time-resolved normalised sensitivity coefficients.</summary>
public enum SensitivityRanking
{
    /// <summary>By the largest |(θ/q)·∂q/∂θ| over the output times.</summary>
    MaximumAbsolute = 0,

    /// <summary>By the root mean square of (θ/q)·∂q/∂θ over the output times.</summary>
    RootMeanSquare,
}
