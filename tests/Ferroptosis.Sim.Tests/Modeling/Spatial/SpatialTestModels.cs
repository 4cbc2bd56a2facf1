using Ferroptosis.Sim.Formats.Antimony;
using Ferroptosis.Sim.Modeling.Compilation;

namespace Ferroptosis.Sim.Tests.Modeling.Spatial;

/// <summary>Small cell models, written in the library's Antimony subset, for the spatial tests.</summary>
internal static class SpatialTestModels
{
    /// <summary>The bistable Nagumo (Schlögl) kinetics du/dt = k u (1 − u)(u − a), as one reaction.</summary>
    public const string Nagumo = """
        model nagumo
          compartment cell = 1
          species u in cell = 0
          k = 1; a = 0.25
          J: -> u; k*u*(1 - u)*(u - a)
        end
        """;

    /// <summary>The Brusselator (two species, non-linear), to exercise exchange of more than one species.</summary>
    public const string Brusselator = """
        model brusselator
          compartment cell = 1
          species u in cell = 1.2; species v in cell = 3.1
          A = 1; B = 3.4
          J1: -> u; A
          J2: u -> ; (B + 1)*u
          J3: -> u; u^2*v
          J4: -> v; B*u
          J5: v -> ; u^2*v
        end
        """;

    public static CompiledModel Compile(string text) => ModelCompiler.Compile(AntimonyReader.Read(text, "spatial-test"));
}
