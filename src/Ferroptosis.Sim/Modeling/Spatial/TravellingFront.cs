namespace Ferroptosis.Sim.Modeling.Spatial;

/// <summary>Measures a front (a level set of one state variable) travelling along a path of cells.</summary>
public static class TravellingFront
{
    /// <summary>Finds the front position at every output time and fits its speed.</summary>
    /// <param name="result">The simulated tissue.</param>
    /// <param name="stateId">The state variable whose level set is the front.</param>
    /// <param name="threshold">The level.</param>
    /// <param name="path">The cells of the path in order (for example one row of a lattice); by default all cells ordered by x. Distance along it is the sum of the distances between successive cells.</param>
    /// <param name="fitFrom">The first time used in the speed fit (to skip an initial transient).</param>
    /// <param name="fitTo">The last time used in the speed fit (to stop before the front feels the far boundary).</param>
    /// <returns>
    /// The positions (the farthest crossing of the threshold along the path, interpolated linearly between cells: the
    /// leading edge of a front moving from the start of the path towards its end) and the fitted speed.
    /// </returns>
    public static FrontMeasurement Measure(TissueResult result, string stateId, double threshold, IReadOnlyList<int>? path = null, double fitFrom = double.NegativeInfinity, double fitTo = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(result);
        var topology = result.Tissue.Topology;
        var x = topology.X;
        var y = topology.Y;
        int[] cells = path is null ? [.. Enumerable.Range(0, topology.CellCount).OrderBy(c => topology.X[c])] : [.. path];
        ArgumentOutOfRangeException.ThrowIfLessThan(cells.Length, 2, nameof(path));
        var distance = new double[cells.Length];
        for (int k = 1; k < cells.Length; k++)
        {
            distance[k] = distance[k - 1] + double.Hypot(x[cells[k]] - x[cells[k - 1]], y[cells[k]] - y[cells[k - 1]]);
        }

        var values = result.Values(stateId);
        var times = result.Times.ToArray();
        var positions = new double[times.Length];
        double st = 0, sp = 0, stt = 0, stp = 0;
        int fitted = 0;
        for (int p = 0; p < times.Length; p++)
        {
            positions[p] = double.NaN;
            for (int k = cells.Length - 2; k >= 0; k--)
            {
                double a = values[p, cells[k]] - threshold;
                double b = values[p, cells[k + 1]] - threshold;
                if ((a >= 0) != (b >= 0))
                {
                    positions[p] = distance[k] + ((distance[k + 1] - distance[k]) * a / (a - b));
                    break;
                }
            }

            if (!double.IsNaN(positions[p]) && times[p] >= fitFrom && times[p] <= fitTo)
            {
                fitted++;
                st += times[p];
                sp += positions[p];
                stt += times[p] * times[p];
                stp += times[p] * positions[p];
            }
        }

        double speed = double.NaN, intercept = double.NaN;
        if (fitted >= 2)
        {
            double denominator = (fitted * stt) - (st * st);
            speed = ((fitted * stp) - (st * sp)) / denominator;
            intercept = (sp - (speed * st)) / fitted;
        }

        return new FrontMeasurement(times, positions, speed, intercept, fitted);
    }
}
