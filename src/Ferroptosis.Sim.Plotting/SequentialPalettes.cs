using OxyPlot;

namespace Ferroptosis.Sim.Plotting;

/// <summary>Builds OxyPlot palettes for <see cref="SequentialPalette"/> values.</summary>
internal static class SequentialPalettes
{
    /// <summary>Number of colour steps: smooth to the eye, small enough to render fast.</summary>
    private const int Steps = 256;

    /// <summary>Returns the OxyPlot palette, optionally reversed so that low values get the light end.</summary>
    public static OxyPalette Create(SequentialPalette palette, bool reverse)
    {
        var result = palette switch
        {
            SequentialPalette.Viridis => OxyPalettes.Viridis(Steps),
            SequentialPalette.Cividis => OxyPalettes.Cividis(Steps),
            SequentialPalette.Magma => OxyPalettes.Magma(Steps),
            SequentialPalette.Inferno => OxyPalettes.Inferno(Steps),
            _ => throw new ArgumentOutOfRangeException(nameof(palette), palette, "Unknown sequential palette."),
        };
        return reverse ? result.Reverse() : result;
    }
}
