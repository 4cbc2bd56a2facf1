namespace Ferroptosis.Sim.Modeling.Spatial;

/// <summary>The position of a travelling front over time along a path of cells, and its fitted speed.</summary>
/// <param name="Times">The output times.</param>
/// <param name="Positions">The front position (distance along the path) at each time, or NaN where the state does not cross the threshold.</param>
/// <param name="Speed">The least-squares slope of position against time over the fitted points, or NaN with fewer than two.</param>
/// <param name="Intercept">The fitted position at t = 0.</param>
/// <param name="FittedPoints">The number of points used for the fit.</param>
public sealed record FrontMeasurement(IReadOnlyList<double> Times, IReadOnlyList<double> Positions, double Speed, double Intercept, int FittedPoints);
