namespace Ferroptosis.Sim.Analysis;

/// <summary>Checks shared by the global sensitivity methods.</summary>
internal static class GlobalDesign
{
    public static void CheckFactors(IResponseModel model, IReadOnlyList<InputDistribution> factors)
    {
        if (factors.Count != model.InputNames.Count || factors.Any(f => f is null))
        {
            throw new ArgumentException($"Give one distribution per model input ({model.InputNames.Count}: {string.Join(", ", model.InputNames)}); got {factors.Count}.", nameof(factors));
        }
    }
}
