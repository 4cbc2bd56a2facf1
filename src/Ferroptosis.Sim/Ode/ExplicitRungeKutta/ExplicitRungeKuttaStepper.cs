using Ferroptosis.Sim.Ode.StepControl;
using Ferroptosis.Sim.Ode.Stepping;

namespace Ferroptosis.Sim.Ode.ExplicitRungeKutta;

/// <summary>One generic adaptive stepper for every explicit Runge–Kutta tableau.</summary>
/// <remarks>
/// Follows the structure of Hairer's DOPRI5 (Hairer–Nørsett–Wanner I, II.4–II.6): embedded error
/// estimate, PI step control, first-same-as-last reuse, and a continuous extension evaluated only when
/// output or events need it. Hairer's stiffness estimate ρ ≈ ‖k_p − k_q‖/‖g_p − g_q‖ (two stages with
/// the same node) is exposed for automatic method switching.
/// </remarks>
internal sealed class ExplicitRungeKuttaStepper : Stepper
{
    private readonly ButcherTableau _tableau;
    private readonly double[][] _k;
    private readonly double[] _stage;
    private readonly double[] _error;
    private readonly double[] _stiffnessArgument;
    private double[] _candidate;
    private PiController _controller;
    private bool _previousRejected;

    // After an accepted step the stages stay untouched (dense output needs them) until the next
    // step begins; only then does k_0 become f at the new point (FSAL swap or a fresh evaluation).
    private bool _firstStageStale;

    public ExplicitRungeKuttaStepper(ButcherTableau tableau, IOdeSystem system, OdeSolverOptions options, WorkCounters counters)
        : base(system, options, counters, tableau.DenseDegree)
    {
        _tableau = tableau;
        _k = new double[tableau.Stages + tableau.ExtraStages][];
        for (int i = 0; i < _k.Length; i++)
        {
            _k[i] = new double[N];
        }

        _stage = new double[N];
        _error = new double[N];
        _candidate = new double[N];
        _stiffnessArgument = new double[N];
        _controller = new PiController(tableau.EmbeddedOrder, beta: tableau.Order >= 5 ? 0.04 : 0.0);
    }

    /// <summary>Gets h·ρ for the last accepted step, where ρ estimates the dominant eigenvalue magnitude (0 when the tableau has no stiffness pair).</summary>
    public double LastStiffnessProduct { get; private set; }

    public ButcherTableau Tableau => _tableau;

    protected override void OnRestart()
    {
        Evaluate(T, Y, _k[0]);
        if (!AllFinite(_k[0]))
        {
            FailNonFinite(T, _k[0], "The right-hand side");
            NextStep = double.NaN;
            return;
        }

        _firstStageStale = false;
        _controller.Reset();
        _previousRejected = false;
        LastStiffnessProduct = 0;
        NextStep = UserInitialStep ?? InitialStep.Estimate(
            System, T, Y, _k[0], _tableau.Order, MaxStep, AbsTol, RelTol, _stage, _error, ref Counters.Rhs);
    }

    protected override bool AdvanceCore(double tLimit)
    {
        if (FailureStatus != SolverStatus.InProgress)
        {
            return false;
        }

        var tableau = _tableau;
        int s = tableau.Stages;
        if (_firstStageStale)
        {
            if (tableau.IsFirstSameAsLast)
            {
                (_k[0], _k[s - 1]) = (_k[s - 1], _k[0]);
            }
            else
            {
                Evaluate(T, Y, _k[0]);
            }

            _firstStageStale = false;
        }

        double h = NextStep;
        while (true)
        {
            h = ClampStep(h, tLimit, out bool hitsLimit);
            double tNew = hitsLimit ? tLimit : T + h;
            if (IsTooSmall(T, h))
            {
                return FailStepTooSmall(h, _error, _candidate, "repeated error-test failures");
            }

            // Stages 1 … s−1; for FSAL tableaus the last stage argument is the new solution itself.
            for (int i = 1; i < s; i++)
            {
                var target = (tableau.IsFirstSameAsLast && i == s - 1) ? _candidate : _stage;
                Combine(Y, h, tableau.A[i], i, target);
                if (tableau.StiffnessPair is { } pair && i == pair.First && pair.Second == s - 1)
                {
                    target.AsSpan().CopyTo(_stiffnessArgument);
                }

                Evaluate(T + (tableau.C[i] * h), target, _k[i]);
            }

            if (!tableau.IsFirstSameAsLast)
            {
                Combine(Y, h, tableau.B, s, _candidate);
            }

            for (int i = 0; i < N; i++)
            {
                double e = 0;
                for (int j = 0; j < s; j++)
                {
                    e += tableau.E[j] * _k[j][i];
                }

                _error[i] = h * e;
            }

            double err = ErrorNorm.Compute(_error, Y, _candidate, AbsTol, RelTol);
            if (err <= 1.0)
            {
                if (tableau.StiffnessPair is not null && tableau.IsFirstSameAsLast)
                {
                    LastStiffnessProduct = h * StiffnessEstimate(s);
                }

                NextStep = _controller.Accepted(h, err, _previousRejected);
                _previousRejected = false;
                _candidate = Accept(tNew, _candidate);
                _firstStageStale = true;
                return true;
            }

            Counters.Rejected++;
            _previousRejected = true;
            h = _controller.Rejected(h, err);
        }
    }

    protected override void BuildDense()
    {
        var tableau = _tableau;
        int s = tableau.Stages;
        double h = T - TPrevious;
        int total = s + tableau.ExtraStages;
        for (int e = s; e < total; e++)
        {
            // Extra stages: rows of A beyond the main ones, evaluated from the step's start.
            var row = tableau.A[e];
            for (int i = 0; i < N; i++)
            {
                double sum = 0;
                for (int j = 0; j < row.Length; j++)
                {
                    sum += row[j] * _k[j][i];
                }

                _stage[i] = YPrevious[i] + (h * sum);
            }

            Evaluate(TPrevious + (tableau.C[e] * h), _stage, _k[e]);
        }

        var dense = Dense.AsSpan();
        YPrevious.AsSpan().CopyTo(dense);
        for (int m = 1; m <= tableau.DenseDegree; m++)
        {
            var coefficient = dense.Slice(m * N, N);
            coefficient.Clear();
            for (int j = 0; j < total; j++)
            {
                double w = tableau.Dense[j, m - 1];
                if (w == 0)
                {
                    continue;
                }

                var k = _k[j];
                for (int i = 0; i < N; i++)
                {
                    coefficient[i] += h * w * k[i];
                }
            }
        }
    }

    private double StiffnessEstimate(int s)
    {
        // ρ ≈ ‖f(g_s) − f(g_p)‖ / ‖g_s − g_p‖ with g_s = y_new (Hairer–Wanner II, IV.2, eq. 2.8).
        var pair = _tableau.StiffnessPair!.Value;
        double num = 0;
        double den = 0;
        for (int i = 0; i < N; i++)
        {
            double dk = _k[s - 1][i] - _k[pair.First][i];
            double dg = _candidate[i] - _stiffnessArgument[i];
            num += dk * dk;
            den += dg * dg;
        }

        return den > 0 ? Math.Sqrt(num / den) : 0;
    }

    private void Combine(double[] y, double h, double[] weights, int count, double[] destination)
    {
        for (int i = 0; i < N; i++)
        {
            double sum = 0;
            for (int j = 0; j < count; j++)
            {
                sum += weights[j] * _k[j][i];
            }

            destination[i] = y[i] + (h * sum);
        }
    }

    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (double v in values)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }
}
