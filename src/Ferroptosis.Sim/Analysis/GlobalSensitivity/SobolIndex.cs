namespace Ferroptosis.Sim.Analysis;

/// <summary>The first-order and total Sobol indices of one factor for one output, with bootstrap standard errors and percentile intervals.</summary>
/// <param name="Factor">The factor (input) name.</param>
/// <param name="FirstOrder">S_i = V[E(Y|X_i)]/V(Y): the share of variance due to X_i alone.</param>
/// <param name="FirstOrderStandardError">The bootstrap standard error of <paramref name="FirstOrder"/>.</param>
/// <param name="FirstOrderLower">The lower end of the interval of <paramref name="FirstOrder"/>.</param>
/// <param name="FirstOrderUpper">The upper end of the interval of <paramref name="FirstOrder"/>.</param>
/// <param name="Total">S_Ti = E[V(Y|X_~i)]/V(Y): the share due to X_i including all its interactions.</param>
/// <param name="TotalStandardError">The bootstrap standard error of <paramref name="Total"/>.</param>
/// <param name="TotalLower">The lower end of the interval of <paramref name="Total"/>.</param>
/// <param name="TotalUpper">The upper end of the interval of <paramref name="Total"/>.</param>
public sealed record SobolIndex(
    string Factor,
    double FirstOrder,
    double FirstOrderStandardError,
    double FirstOrderLower,
    double FirstOrderUpper,
    double Total,
    double TotalStandardError,
    double TotalLower,
    double TotalUpper);
