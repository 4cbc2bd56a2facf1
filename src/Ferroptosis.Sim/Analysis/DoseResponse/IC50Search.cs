namespace Ferroptosis.Sim.Analysis;

/// <summary>The result of a model-free search for the dose at which a response crosses a level.</summary>
/// <param name="Status">How the search ended.</param>
/// <param name="Dose">The dose (NaN unless found or the budget ran out).</param>
/// <param name="Lower">The lower end of the final bracket.</param>
/// <param name="Upper">The upper end of the final bracket.</param>
/// <param name="Evaluations">The number of response evaluations.</param>
/// <param name="Message">A description of the outcome.</param>
public sealed record IC50Search(IC50SearchStatus Status, double Dose, double Lower, double Upper, int Evaluations, string Message)
{
    /// <summary>Gets a value indicating whether a dose was located.</summary>
    public bool IsFound => Status == IC50SearchStatus.Found;
}
