using System.Globalization;
using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Analysis;

/// <summary>Time-resolved local sensitivities ∂q/∂θ of reported quantities q to parameters and initial values θ, with normalised (logarithmic) coefficients and rankings.</summary>
/// <remarks>
/// The normalised coefficient is (θ/q)·∂q/∂θ = ∂ln q/∂ln θ: the percentage change of q per percent
/// change of θ. It is 0 where θ = 0 and NaN where q = 0. Immutable.
/// </remarks>
public sealed class SensitivityResult
{
    private readonly double[] _times;
    private readonly double[] _values;
    private readonly double[] _sensitivities;
    private readonly double[] _parameterValues;

    internal SensitivityResult(double[] times, IReadOnlyList<string> outputs, IReadOnlyList<string> parameters, double[] parameterValues, double[] values, double[] sensitivities, SolverStatus status, string? message)
    {
        _times = times;
        Outputs = outputs;
        Parameters = parameters;
        _parameterValues = parameterValues;
        _values = values;
        _sensitivities = sensitivities;
        Status = status;
        Message = message;
    }

    /// <summary>Gets the output times reached.</summary>
    public IReadOnlyList<double> Times => _times;

    /// <summary>Gets the names of the reported quantities.</summary>
    public IReadOnlyList<string> Outputs { get; }

    /// <summary>Gets the names of the parameters θ: parameter ids, and <c>x(0)</c> for initial values.</summary>
    public IReadOnlyList<string> Parameters { get; }

    /// <summary>Gets the values of the parameters θ in the run.</summary>
    public IReadOnlyList<double> ParameterValues => _parameterValues;

    /// <summary>Gets how the integration ended.</summary>
    public SolverStatus Status { get; }

    /// <summary>Gets the solver's failure message, or null.</summary>
    public string? Message { get; }

    /// <summary>Gets a value indicating whether the integration reached the end.</summary>
    public bool IsSuccess => Status == SolverStatus.Success;

    /// <summary>Gets the value of an output at an output time.</summary>
    /// <param name="time">The time index.</param>
    /// <param name="output">The output name.</param>
    /// <returns>q(t).</returns>
    public double Value(int time, string output) => _values[(time * Outputs.Count) + OutputIndex(output)];

    /// <summary>Gets ∂q/∂θ at an output time.</summary>
    /// <param name="time">The time index.</param>
    /// <param name="output">The output name.</param>
    /// <param name="parameter">The parameter name.</param>
    /// <returns>The sensitivity.</returns>
    public double Sensitivity(int time, string output, string parameter) => _sensitivities[Index(time, OutputIndex(output), ParameterIndex(parameter))];

    /// <summary>Gets (θ/q)·∂q/∂θ at an output time.</summary>
    /// <param name="time">The time index.</param>
    /// <param name="output">The output name.</param>
    /// <param name="parameter">The parameter name.</param>
    /// <returns>The normalised coefficient.</returns>
    public double Normalized(int time, string output, string parameter) => Normalized(time, OutputIndex(output), ParameterIndex(parameter));

    /// <summary>Gets ∂q/∂θ over all output times.</summary>
    /// <param name="output">The output name.</param>
    /// <param name="parameter">The parameter name.</param>
    /// <returns>A new array, one value per time.</returns>
    public double[] GetSensitivity(string output, string parameter)
    {
        int o = OutputIndex(output), j = ParameterIndex(parameter);
        return [.. Enumerable.Range(0, _times.Length).Select(k => _sensitivities[Index(k, o, j)])];
    }

    /// <summary>Gets (θ/q)·∂q/∂θ over all output times.</summary>
    /// <param name="output">The output name.</param>
    /// <param name="parameter">The parameter name.</param>
    /// <returns>A new array, one value per time.</returns>
    public double[] GetNormalized(string output, string parameter)
    {
        int o = OutputIndex(output), j = ParameterIndex(parameter);
        return [.. Enumerable.Range(0, _times.Length).Select(k => Normalized(k, o, j))];
    }

    /// <summary>Ranks the parameters by their influence on one output over time (the ranking table).</summary>
    /// <param name="output">The output name.</param>
    /// <param name="ranking">The score used.</param>
    /// <returns>One row per parameter, most influential first.</returns>
    public IReadOnlyList<SensitivityRank> Rank(string output, SensitivityRanking ranking = SensitivityRanking.MaximumAbsolute)
    {
        int o = OutputIndex(output);
        var rows = new List<(string Name, double Score, double PeakTime, double Peak)>();
        for (int j = 0; j < Parameters.Count; j++)
        {
            double peak = 0, peakTime = double.NaN, squares = 0;
            int count = 0;
            for (int k = 0; k < _times.Length; k++)
            {
                double s = Normalized(k, o, j);
                if (!double.IsFinite(s))
                {
                    continue;
                }

                squares += s * s;
                count++;
                if (double.IsNaN(peakTime) || Math.Abs(s) > Math.Abs(peak))
                {
                    (peak, peakTime) = (s, _times[k]);
                }
            }

            double score = ranking == SensitivityRanking.MaximumAbsolute ? Math.Abs(peak) : count == 0 ? 0 : Math.Sqrt(squares / count);
            rows.Add((Parameters[j], score, peakTime, peak));
        }

        return [.. rows.OrderByDescending(r => r.Score).ThenBy(r => r.Name, StringComparer.Ordinal).Select((r, i) => new SensitivityRank(i + 1, r.Name, r.Score, r.PeakTime, r.Peak))];
    }

    /// <summary>Writes the sensitivities as CSV in long form: time, output, parameter, value, sensitivity, normalized.</summary>
    /// <param name="writer">The destination.</param>
    public void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("time,output,parameter,value,sensitivity,normalized");
        for (int k = 0; k < _times.Length; k++)
        {
            for (int o = 0; o < Outputs.Count; o++)
            {
                for (int j = 0; j < Parameters.Count; j++)
                {
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{_times[k]:R},{Outputs[o]},{Parameters[j]},{_values[(k * Outputs.Count) + o]:R},{_sensitivities[Index(k, o, j)]:R},{Normalized(k, o, j):R}"));
                }
            }
        }
    }

    private double Normalized(int k, int o, int j)
    {
        double theta = _parameterValues[j];
        if (theta == 0)
        {
            return 0;
        }

        double q = _values[(k * Outputs.Count) + o];
        return q == 0 ? double.NaN : theta / q * _sensitivities[Index(k, o, j)];
    }

    private int Index(int time, int output, int parameter) => (((time * Outputs.Count) + output) * Parameters.Count) + parameter;

    private int OutputIndex(string name) => AnalysisChecks.RequireName(Outputs, name, "output");

    private int ParameterIndex(string name) => AnalysisChecks.RequireName(Parameters, name, "parameter");
}
