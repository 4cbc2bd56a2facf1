using Ferroptosis.Sim.Ode.StepControl;
using Ferroptosis.Sim.Ode.Stepping;

namespace Ferroptosis.Sim.Ode.ExplicitRungeKutta;

/// <summary>One generic adaptive stepper for every explicit Runge–Kutta tableau.</summary>
/// <remarks>
/// <para>
/// Follows the structure of Hairer's DOPRI5 (Hairer–Nørsett–Wanner I, II.4–II.6): embedded error
/// estimate, PI step control, first-same-as-last reuse, and a continuous extension evaluated only when
/// output or events need it. Hairer's stiffness estimate ρ ≈ ‖k_p − k_q‖/‖g_p − g_q‖ (two stages with
/// the same node) is exposed for automatic method switching.
/// </para>
/// <para>
/// Every stage combination skips zero coefficients and runs as vectorised passes over the state
/// (<see cref="SparseWeights"/>). When dense output has evaluated f at the new solution as an extra
/// stage (Verner's interpolants do), that evaluation becomes the next step's first stage, so a
/// non-FSAL method pays for it once.
/// </para>
/// </remarks>
internal sealed class ExplicitRungeKuttaStepper : Stepper
{
    private readonly ButcherTableau _tableau;
    private readonly double[][] _k;
    private readonly double[] _error;
    private readonly bool _vectorizeSteps;
    private double[] _stage;
    private double[] _previousStage;
    private double[] _candidate;
    private PiController _controller;
    private bool _previousRejected;

    // ‖k_q − k_p‖² and ‖g_q − g_p‖² of the stiffness pair: of the step being tried, and of the last
    // accepted step with its size (the square root is only taken when someone asks).
    private double _stiffnessNumerator;
    private double _stiffnessDenominator;
    private double _acceptedNumerator;
    private double _acceptedDenominator;
    private double _acceptedStep;

    // After an accepted step the stages stay untouched (dense output needs them) until the next
    // step begins; only then does k_0 become f at the new point (FSAL swap, the new-point extra
    // stage if dense output computed it, or a fresh evaluation).
    private bool _firstStageStale;
    private bool _newPointStageReady;

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
        _previousStage = new double[N];
        _error = new double[N];
        _candidate = new double[N];
        _vectorizeSteps = SparseWeights.VectorizeFreshStages(N);
        _controller = new PiController(tableau.EmbeddedOrder, beta: tableau.Order >= 5 ? 0.04 : 0.0);
    }

    /// <summary>Gets h·ρ for the last accepted step, where ρ estimates the dominant eigenvalue magnitude (0 when the tableau has no stiffness pair).</summary>
    public double LastStiffnessProduct =>
        _acceptedDenominator > 0 ? _acceptedStep * Math.Sqrt(_acceptedNumerator / _acceptedDenominator) : 0;

    public ButcherTableau Tableau => _tableau;

    /// <summary>Gets the embedded error estimate of the last step tried (a good start direction for a spectral-radius probe).</summary>
    public ReadOnlySpan<double> LastErrorEstimate => _error;

    /// <summary>Returns f(T, Y) at the current point without disturbing the last step's stages (dense output still needs them).</summary>
    /// <param name="scratch">Receives f(T, Y) when it is not already at hand (non-FSAL tableaus after a step).</param>
    /// <returns>f(T, Y).</returns>
    public ReadOnlySpan<double> CurrentDerivative(double[] scratch)
    {
        if (!_firstStageStale)
        {
            return _k[0];
        }

        if (_tableau.IsFirstSameAsLast)
        {
            return _k[_tableau.Stages - 1];
        }

        Evaluate(T, Y, scratch);
        return scratch;
    }

    protected override void OnRestart()
    {
        _firstStageStale = false;
        _newPointStageReady = false;
        _controller.Reset();
        _previousRejected = false;
        _acceptedDenominator = 0;
        Evaluate(T, Y, _k[0]);
        if (!AllFinite(_k[0]))
        {
            FailNonFinite(T, _k[0], "The right-hand side");
            NextStep = double.NaN;
            return;
        }

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
        var k = _k;
        if (_firstStageStale)
        {
            PrepareFirstStage(s);
        }

        var rows = tableau.ARows;
        var c = tableau.C;
        bool fsal = tableau.IsFirstSameAsLast;
        int stiffSecond = tableau.StiffnessPair?.Second ?? -1;
        double h = NextStep;
        while (true)
        {
            h = ClampStep(h, tLimit, out bool hitsLimit);

            // A step that lands on tLimit is exact however short it is (a time event just after
            // another); only a step the controller shrank can be too small to make progress.
            if ((!hitsLimit || !(h > 0)) && IsTooSmall(T, h))
            {
                return FailStepTooSmall(h, _error, _candidate, "repeated error-test failures");
            }

            double tNew = hitsLimit ? tLimit : T + h;

            // Stages 1 … s−1; for FSAL tableaus the last stage argument is the new solution itself.
            // Arguments alternate between two buffers, so the stiffness pair (consecutive stages)
            // finds the first argument intact when the second stage is done.
            for (int i = 1; i < s; i++)
            {
                double[] argument;
                if (fsal && i == s - 1)
                {
                    argument = _candidate;
                }
                else
                {
                    (_stage, _previousStage) = (_previousStage, _stage);
                    argument = _stage;
                }

                rows[i].Combine(Y, h, k, argument, _vectorizeSteps);
                Evaluate(T + (c[i] * h), argument, k[i]);
                if (i == stiffSecond)
                {
                    MeasureStiffness(argument, argument == _stage ? _previousStage : _stage, k[i - 1], k[i]);
                }
            }

            if (!fsal)
            {
                tableau.BRow.Combine(Y, h, k, _candidate, _vectorizeSteps);
            }

            tableau.ERow.Sum(k, _error, 0, h, _vectorizeSteps);
            double err = ErrorNorm.Compute(_error, Y, _candidate, AbsTol, RelTol);
            if (err <= 1.0)
            {
                _acceptedNumerator = _stiffnessNumerator;
                _acceptedDenominator = _stiffnessDenominator;
                _acceptedStep = h;
                NextStep = _controller.Accepted(h, err, _previousRejected);
                _previousRejected = false;
                _candidate = Accept(tNew, _candidate);
                _firstStageStale = true;
                _newPointStageReady = false;
                return true;
            }

            Counters.Rejected++;
            _previousRejected = true;
            if (!double.IsFinite(err))
            {
                NoteNonFiniteError();
            }

            h = _controller.Rejected(h, err);
        }
    }

    protected override void BuildDense()
    {
        var tableau = _tableau;
        var k = _k;
        int s = tableau.Stages;
        double h = T - TPrevious;
        int total = s + tableau.ExtraStages;
        for (int e = s; e < total; e++)
        {
            // Extra stages: rows of A beyond the main ones, evaluated from the step's start; the
            // new-point stage is f(T, Y) exactly (its argument is the accepted solution).
            if (e == tableau.NewPointStage)
            {
                Evaluate(T, Y, k[e]);
                _newPointStageReady = true;
            }
            else
            {
                tableau.ARows[e].Combine(YPrevious, h, k, _stage, vectorize: true);
                Evaluate(TPrevious + (tableau.C[e] * h), _stage, k[e]);
            }
        }

        var dense = Dense;
        YPrevious.AsSpan().CopyTo(dense);
        for (int m = 1; m <= tableau.DenseDegree; m++)
        {
            tableau.DenseRows[m - 1].Sum(k, dense, m * N, h, vectorize: true);
        }
    }

    // Makes k_0 the derivative at the accepted point (T, Y) before a new step.
    private void PrepareFirstStage(int s)
    {
        var k = _k;
        if (_tableau.IsFirstSameAsLast)
        {
            (k[0], k[s - 1]) = (k[s - 1], k[0]);
        }
        else if (_newPointStageReady)
        {
            int e = _tableau.NewPointStage;
            (k[0], k[e]) = (k[e], k[0]);
        }
        else
        {
            Evaluate(T, Y, k[0]);
        }

        _firstStageStale = false;
        _newPointStageReady = false;
    }

    // ρ ≈ ‖f(g_q) − f(g_p)‖ / ‖g_q − g_p‖ for two stages with the same node (Hairer–Wanner II, IV.2, eq. 2.8).
    private void MeasureStiffness(ReadOnlySpan<double> argument, ReadOnlySpan<double> firstArgument, ReadOnlySpan<double> kFirst, ReadOnlySpan<double> kSecond)
    {
        double num = 0;
        double den = 0;
        for (int i = 0; i < argument.Length; i++)
        {
            double dk = kSecond[i] - kFirst[i];
            double dg = argument[i] - firstArgument[i];
            num += dk * dk;
            den += dg * dg;
        }

        _stiffnessNumerator = num;
        _stiffnessDenominator = den;
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
