using Ferroptosis.Sim.Formats.Antimony;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Pathway.Remodelling;

/// <summary>The bone-remodelling population models of <c>models/bone-remodelling/</c>, embedded in the library: the published Komarova 2003 model and its balanced form coupled to cell death.</summary>
/// <remarks>
/// <para>
/// <see cref="Published"/> is Komarova et al. 2003 (Bone 33:206–215), BioModels BIOMD0000000148, exactly
/// as the model specification §14.1 gives it: power-law osteoclast (x1) and osteoblast (x2) populations of
/// one basic multicellular unit and a bone mass z changed by the cells above their steady state
/// (max(xi − x̄i, 0)), with the BioModels-corrected x̄2 formula. Time in days.
/// </para>
/// <para>
/// <see cref="Coupled"/> is the specification's §14.2 form for chronic runs: extra death rates
/// <c>delta_OB</c>, <c>delta_OC</c>, <c>delta_OCY</c> (1/day), a viable osteocyte fraction V that recruits
/// osteoclasts (<c>rho</c>) and is replaced slowly (<c>k_rep</c>), a disease factor <c>f_alpha1</c> on
/// osteoclast recruitment, and a bone equation linear in the deviations from the healthy steady state, with
/// formation scaled so that the healthy state is balanced (dz/dt = 0).
/// </para>
/// <para>Thread-safe: the networks and compiled models are immutable and built once.</para>
/// </remarks>
public static class BoneRemodellingModel
{
    /// <summary>The file name of the published model.</summary>
    public const string PublishedFile = "komarova2003.ant";

    /// <summary>The file name of the coupled, balanced model.</summary>
    public const string CoupledFile = "komarova2003-coupled.ant";

    /// <summary>The file name of the bounded remodelling model (<see cref="BoneModelKind.Bounded"/>): surface-limited turnover, mechanostat, disease effects with onset kinetics.</summary>
    public const string BoundedFile = "bounded-remodelling.ant";

    private const string ResourcePrefix = "Ferroptosis.Sim.Models.bone_remodelling.";
    private static readonly Lazy<ReactionNetwork> LazyPublished = new(() => AntimonyReader.Read(ReadFile(PublishedFile), PublishedFile));
    private static readonly Lazy<ReactionNetwork> LazyCoupled = new(() => AntimonyReader.Read(ReadFile(CoupledFile), CoupledFile));
    private static readonly Lazy<CompiledModel> LazyPublishedCompiled = new(() => ModelCompiler.Compile(Published));
    private static readonly Lazy<CompiledModel> LazyCoupledCompiled = new(() => ModelCompiler.Compile(Coupled));
    private static readonly Lazy<ReactionNetwork> LazyBounded = new(() => AntimonyReader.Read(ReadFile(BoundedFile), BoundedFile));
    private static readonly Lazy<CompiledModel> LazyBoundedCompiled = new(() => ModelCompiler.Compile(Bounded));

    /// <summary>Gets the published Komarova 2003 model (§14.1): species x1, x2, z; parameters alpha1, alpha2, beta1, beta2, g11, g21, g12, g22, k1, k2.</summary>
    public static ReactionNetwork Published => LazyPublished.Value;

    /// <summary>Gets the coupled, balanced model (§14.2): species x1, x2, z, V; parameters as <see cref="Published"/> plus delta_OB, delta_OC, delta_OCY, f_alpha1, rho, k_rep.</summary>
    public static ReactionNetwork Coupled => LazyCoupled.Value;

    /// <summary>Gets the compiled published model.</summary>
    public static CompiledModel PublishedCompiled => LazyPublishedCompiled.Value;

    /// <summary>Gets the compiled coupled model.</summary>
    public static CompiledModel CoupledCompiled => LazyCoupledCompiled.Value;

    /// <summary>Gets the bounded remodelling model (<see cref="BoundedFile"/>), the default of <see cref="BoneRemodelling"/>.</summary>
    public static ReactionNetwork Bounded => LazyBounded.Value;

    /// <summary>Gets <see cref="Bounded"/>, compiled once.</summary>
    public static CompiledModel BoundedCompiled => LazyBoundedCompiled.Value;

    /// <summary>Gets the names of the embedded model files.</summary>
    public static IReadOnlyList<string> Files { get; } =
        [.. typeof(BoneRemodellingModel).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Select(n => n[ResourcePrefix.Length..]).Order(StringComparer.Ordinal)];

    /// <summary>Reads an embedded model file ("komarova2003.ant" or "komarova2003-coupled.ant").</summary>
    /// <param name="fileName">The file name.</param>
    /// <returns>Its text.</returns>
    /// <exception cref="ArgumentException">No such embedded file.</exception>
    public static string ReadFile(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        using var stream = typeof(BoneRemodellingModel).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new ArgumentException($"No embedded bone-remodelling model file '{fileName}'. Files: {string.Join(", ", Files)}.", nameof(fileName));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Computes the steady state (x̄1, x̄2) of the power-law populations (§14.1, with the BioModels-corrected x̄2).</summary>
    /// <param name="alpha1">Osteoclast production (1/day).</param>
    /// <param name="alpha2">Osteoblast production (1/day).</param>
    /// <param name="beta1">Osteoclast removal (1/day).</param>
    /// <param name="beta2">Osteoblast removal (1/day).</param>
    /// <param name="g11">Osteoclast autocrine exponent.</param>
    /// <param name="g21">Osteoblast-to-osteoclast paracrine exponent.</param>
    /// <param name="g12">Osteoclast-to-osteoblast paracrine exponent.</param>
    /// <param name="g22">Osteoblast autocrine exponent.</param>
    /// <returns>The osteoclast and osteoblast numbers at steady state.</returns>
    /// <remarks>
    /// γ = g12·g21 − (1 − g11)(1 − g22); x̄1 = (β1/α1)^((1−g22)/γ)·(β2/α2)^(g21/γ);
    /// x̄2 = (β1/α1)^(g12/γ)·(β2/α2)^((1−g11)/γ). With the published values x̄1 = 1.0607, x̄2 = 212.13.
    /// </remarks>
    public static (double Osteoclasts, double Osteoblasts) SteadyState(double alpha1 = 3, double alpha2 = 4, double beta1 = 0.2, double beta2 = 0.02, double g11 = 0.5, double g21 = -0.5, double g12 = 1, double g22 = 0)
    {
        double gamma = (g12 * g21) - ((1 - g11) * (1 - g22));
        if (gamma == 0)
        {
            throw new ArgumentException("The exponents give γ = g12·g21 − (1 − g11)(1 − g22) = 0: the power-law populations have no isolated steady state.", nameof(g12));
        }

        double x1 = Math.Pow(beta1 / alpha1, (1 - g22) / gamma) * Math.Pow(beta2 / alpha2, g21 / gamma);
        double x2 = Math.Pow(beta1 / alpha1, g12 / gamma) * Math.Pow(beta2 / alpha2, (1 - g11) / gamma);
        return (x1, x2);
    }
}
