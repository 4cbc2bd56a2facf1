namespace Ferroptosis.Sim.Analysis;

/// <summary>Where the runs of an <see cref="EnsemblePlan"/> get their inputs: a virtual population (each input drawn from a distribution) or a grid (mixed-radix index, last input fastest).</summary>
/// <remarks>
/// <para>
/// <c>population</c>: run i's input j is F_j⁻¹(u) with u = CounterRandom(seed, i, j), the stream <see cref="Ensemble"/> and
/// <see cref="VirtualPopulation"/> use, so a plan and an in-process ensemble with the same seed draw the same cells.
/// </para>
/// <para>
/// <c>grid</c>: run i is the grid point whose mixed-radix digits (radices = the inputs' value counts, last input varying
/// fastest, the order of <see cref="ParameterScan"/>) are i; the plan's run count must equal the number of grid points.
/// </para>
/// Immutable.
/// </remarks>
public sealed record EnsembleSampleSource
{
    /// <summary>The kind of a virtual population.</summary>
    public const string Population = "population";

    /// <summary>The kind of a grid.</summary>
    public const string Grid = "grid";

    /// <summary>The kind of a Saltelli design for Sobol indices: design row j = runs j(k + 2) … j(k + 2) + k + 1 hold A_j, B_j and A_B^(i)_j.</summary>
    public const string Saltelli = "saltelli";

    /// <summary>The kind of a Morris design: trajectory t = runs t(k + 1) … t(k + 1) + k, the design of <see cref="MorrisScreening"/>.</summary>
    public const string Morris = "morris";

    /// <summary>Gets the kind: <see cref="Population"/>, <see cref="Grid"/>, <see cref="Saltelli"/> or <see cref="Morris"/>.</summary>
    public string Kind { get; init; } = Population;

    /// <summary>Gets the number of grid levels p of a Morris design (even; null for 4).</summary>
    public int? Levels { get; init; }

    /// <summary>Gets the inputs, in input-vector order (may be empty for a population: every run then repeats the protocol).</summary>
    public IReadOnlyList<EnsembleInput> Inputs { get; init; } = [];

    /// <summary>Gets the number of grid points (the product of the inputs' value counts), or null for a population.</summary>
    /// <returns>The count.</returns>
    public long? GridPoints()
    {
        if (Kind != Grid)
        {
            return null;
        }

        long points = 1;
        foreach (var input in Inputs)
        {
            points = checked(points * (input.Values?.Count ?? 0));
        }

        return points;
    }

    internal void Validate(long runs)
    {
        if (Kind is not (Population or Grid or Saltelli or Morris))
        {
            throw new FormatException($"Unknown sample source '{Kind}'; use '{Population}', '{Grid}', '{Saltelli}' or '{Morris}'.");
        }

        if (Kind == Morris)
        {
            int levels = Levels ?? 4;
            if (Inputs.Count == 0 || runs % (Inputs.Count + 1) != 0 || runs / (Inputs.Count + 1) < 2 || levels < 2 || levels % 2 != 0)
            {
                throw new FormatException($"A Morris plan needs at least one input, an even number of levels ≥ 2 (got {levels}) and a run count that is a multiple of inputs + 1 = {Inputs.Count + 1} with at least 2 trajectories; got {runs} runs.");
            }

            foreach (var input in Inputs)
            {
                if (!EnsembleInput.ParseDistribution(input.Distribution ?? "").IsBounded)
                {
                    throw new FormatException($"Morris screening needs bounded factors; '{input.Id}' has {input.Distribution} (use uniform or loguniform).");
                }
            }
        }

        if (Kind == Saltelli && (Inputs.Count == 0 || runs % (Inputs.Count + 2) != 0))
        {
            throw new FormatException($"A Saltelli plan needs at least one input and a run count that is a multiple of inputs + 2 = {Inputs.Count + 2} (base samples × (k + 2)); got {runs} runs.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in Inputs)
        {
            input.Validate(Kind);
            if (!seen.Add(input.Target + ":" + input.Id))
            {
                throw new FormatException($"The input '{input.Id}' ({input.Target}) is given twice.");
            }
        }

        if (Kind == Grid && (Inputs.Count == 0 || GridPoints() != runs))
        {
            throw new FormatException($"A grid plan must have at least one input and as many runs as grid points ({GridPoints()}), got {runs} runs.");
        }
    }

    /// <summary>Writes run <paramref name="run"/>'s inputs.</summary>
    internal static void Fill(string kind, int levels, IReadOnlyList<InputDistribution> distributions, double[][] gridValues, ulong seed, long run, Span<double> inputs)
    {
        if (kind == Grid)
        {
            long rest = run;
            for (int j = inputs.Length - 1; j >= 0; j--)
            {
                long radix = gridValues[j].Length;
                inputs[j] = gridValues[j][rest % radix];
                rest /= radix;
            }

            return;
        }

        if (kind == Morris)
        {
            int k = inputs.Length, p = levels;
            double delta = p / (2.0 * (p - 1));
            var unit = new double[(k + 1) * k];
            MorrisScreening.Trajectory(seed, checked((int)(run / (k + 1))), k, p, delta, unit, new int[k], new double[k]);
            int point = (int)(run % (k + 1));
            for (int i = 0; i < k; i++)
            {
                inputs[i] = distributions[i].Quantile(unit[(point * k) + i]);
            }

            return;
        }

        if (kind == Saltelli)
        {
            // The design of SobolAnalysis: streams 0..k−1 for A, k..2k−1 for B, keyed by the base sample j.
            int k = inputs.Length, block = k + 2;
            long j = run / block;
            int c = (int)(run % block);
            for (int i = 0; i < k; i++)
            {
                bool fromB = c == 1 || (c >= 2 && c - 2 == i);
                inputs[i] = distributions[i].Quantile(CounterRandom.Uniform(seed, j, fromB ? k + i : i));
            }

            return;
        }

        Ensemble.Draw(seed, run, distributions, inputs);
    }
}
