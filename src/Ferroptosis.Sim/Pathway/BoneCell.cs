using Ferroptosis.Sim.Modeling.Expressions;

namespace Ferroptosis.Sim.Pathway;

/// <summary>A bone cell type: its parameter set of the ferroptosis model (specification §10), loaded from the embedded model files.</summary>
/// <remarks>
/// The osteoblast is the reference (MC3T3-E1-like); the osteoclast (mature, RANKL-stimulated) takes up
/// more iron, has NCOA4-ferritinophagy and weaker Nrf2/HO-1; the osteocyte (MLO-Y4-like) equals the
/// osteoblast at rest but has a lipid-peroxidation → c-JUN → HMOX1 arm. The evidence for each multiplier
/// is in the parameter-set files and <c>models/ferroptosis/README.md</c>. Immutable.
/// </remarks>
public sealed class BoneCell
{
    private readonly Lazy<IReadOnlyDictionary<string, double>> _parameters;

    private BoneCell(string name, string description, string parameterFile)
    {
        Name = name;
        Description = description;
        ParameterFile = parameterFile;
        _parameters = new Lazy<IReadOnlyDictionary<string, double>>(() => FerroptosisModel.ReadParameterSet(parameterFile));
    }

    /// <summary>Gets the osteoblast, the reference cell (bone-forming; MC3T3-E1-like).</summary>
    public static BoneCell Osteoblast { get; } = new("osteoblast", "bone-forming osteoblast (reference parameter set; MC3T3-E1-like)", "osteoblast.ant");

    /// <summary>Gets the osteoclast (bone-resorbing; mature, RANKL-stimulated): more TfR1, NCOA4-ferritinophagy, weaker Nrf2 and HO-1.</summary>
    public static BoneCell Osteoclast { get; } = new("osteoclast", "bone-resorbing osteoclast (mature, RANKL-stimulated): iron-hungry, NCOA4-ferritinophagy, weaker Nrf2/HO-1", "osteoclast.ant");

    /// <summary>Gets the osteocyte (MLO-Y4-like): as the osteoblast at rest, with a lipid-peroxidation → c-JUN → HMOX1 arm.</summary>
    public static BoneCell Osteocyte { get; } = new("osteocyte", "osteocyte (MLO-Y4-like): as the osteoblast at rest, plus an LPO → c-JUN → HMOX1 vicious cycle", "osteocyte.ant");

    /// <summary>Gets the three cell types.</summary>
    public static IReadOnlyList<BoneCell> All { get; } = [Osteoblast, Osteoclast, Osteocyte];

    /// <summary>Gets the name, e.g. "osteoblast".</summary>
    public string Name { get; }

    /// <summary>Gets a one-line description.</summary>
    public string Description { get; }

    /// <summary>Gets the parameter-set file (in <c>models/ferroptosis/</c>, embedded in the library).</summary>
    public string ParameterFile { get; }

    /// <summary>Gets the parameter values that differ from the base (osteoblast) model.</summary>
    public IReadOnlyDictionary<string, double> Parameters => _parameters.Value;

    /// <summary>Finds a cell type by name (case-insensitive; "OB", "OC", "OCY" also accepted).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The cell type.</returns>
    /// <exception cref="ArgumentException">Unknown name; the message lists the valid ones.</exception>
    public static BoneCell FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string key = name.ToUpperInvariant() switch
        {
            "OB" => "osteoblast",
            "OC" => "osteoclast",
            "OCY" => "osteocyte",
            _ => name,
        };
        var cell = All.FirstOrDefault(c => string.Equals(c.Name, key, StringComparison.OrdinalIgnoreCase));
        if (cell is not null)
        {
            return cell;
        }

        string hint = NameSuggestions.Hint(NameSuggestions.Closest(name, All.Select(c => c.Name)));
        throw new ArgumentException($"Unknown cell type '{name}'{(hint.Length == 0 ? "." : hint)} Known cell types: osteoblast, osteoclast, osteocyte.", nameof(name));
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
