using Ferroptosis.Sim.Modeling.Compilation;

namespace Ferroptosis.Sim.Modeling.Simulation;

/// <summary>Records a few of a run's reported quantities at its output points (<see cref="SimulationSettings.RecordedQuantities"/>), each by the one-quantity program that <see cref="StateTrajectory.Column"/> runs, so that the recorded columns and those computed later from a second run's states have the same bits.</summary>
internal sealed class Deferred
{
    private readonly int[] _columns;
    private readonly OutputProgram[] _programs;
    private readonly double[] _value = new double[1];
    private readonly double[][] _recorded;
    private readonly int _reported;
    private readonly IReadOnlyList<double> _expected;

    // The recorded times, null while they are the expected output times (the usual case: the array of output times is
    // then handed over as the result's times, not copied).
    private double[]? _times;
    private int _capacity;

    private Deferred(int[] columns, OutputProgram[] programs, int reported, IReadOnlyList<double> expectedTimes)
    {
        _columns = columns;
        _programs = programs;
        _reported = reported;
        _expected = expectedTimes;
        int capacity = Math.Max(expectedTimes.Count, 1);
        _capacity = capacity;
        _recorded = new double[columns.Length][];
        for (int c = 0; c < columns.Length; c++)
        {
            _recorded[c] = new double[capacity];
        }
    }

    /// <summary>Gets the number of recorded points.</summary>
    public int Count { get; private set; }

    /// <summary>Creates the recorder of the chosen quantities that are reported (the others are ignored).</summary>
    /// <param name="model">The compiled model.</param>
    /// <param name="ids">The reported quantities.</param>
    /// <param name="amounts">The species reported as amounts, or null.</param>
    /// <param name="chosen">The quantities to record during the run.</param>
    /// <param name="outputTimes">The output times (the expected points).</param>
    /// <returns>The recorder.</returns>
    public static Deferred Create(CompiledModel model, IReadOnlyList<string> ids, IReadOnlySet<string>? amounts, IReadOnlyList<string> chosen, IReadOnlyList<double> outputTimes)
    {
        var columns = new List<int>(chosen.Count);
        var programs = new List<OutputProgram>(chosen.Count);
        for (int c = 0; c < ids.Count; c++)
        {
            string id = ids[c];
            if (chosen.Contains(id))
            {
                columns.Add(c);
                programs.Add(model.SingleOutput(id, amounts is not null && amounts.Contains(id)));
            }
        }

        return new Deferred([.. columns], [.. programs], ids.Count, outputTimes);
    }

    /// <summary>Appends a point.</summary>
    /// <param name="t">The time.</param>
    /// <param name="inputs">The kernel inputs loaded with (t, y) and the parameter vector in force.</param>
    public void Add(double t, double[] inputs)
    {
        if (_times is null && (Count >= _expected.Count || BitConverter.DoubleToInt64Bits(_expected[Count]) != BitConverter.DoubleToInt64Bits(t)))
        {
            // Not the expected point (an event's, say): from now on the times are recorded.
            _times = new double[_capacity];
            for (int k = 0; k < Count; k++)
            {
                _times[k] = _expected[k];
            }
        }

        if (Count == _capacity)
        {
            int capacity = _capacity = 2 * Count;
            Array.Resize(ref _times, capacity);
            for (int c = 0; c < _recorded.Length; c++)
            {
                Array.Resize(ref _recorded[c], capacity);
            }
        }

        if (_times is not null)
        {
            _times[Count] = t;
        }

        for (int c = 0; c < _programs.Length; c++)
        {
            _programs[c].Kernel(inputs, _value);
            _recorded[c][Count] = _value[0];
        }

        Count++;
    }

    /// <summary>Returns the times and a column array with the recorded columns in place (the others null), trimmed to <see cref="Count"/> points.</summary>
    /// <returns>The times and the columns.</returns>
    public (double[] Times, double[]?[] Columns) Take()
    {
        double[] times;
        if (_times is null && Count == _expected.Count && _expected is double[] expected)
        {
            times = expected;
        }
        else
        {
            times = _times ?? [.. _expected];
            Array.Resize(ref times, Count);
        }

        var columns = new double[]?[_reported];
        for (int c = 0; c < _columns.Length; c++)
        {
            var values = _recorded[c];
            if (values.Length != Count)
            {
                Array.Resize(ref values, Count);
            }

            columns[_columns[c]] = values;
        }

        return (times, columns);
    }
}
