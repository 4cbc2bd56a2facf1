using Ferroptosis.Sim.Modeling.Expressions;

namespace Ferroptosis.Sim.Pathway;

/// <summary>A bone cell type: its parameter set of the ferroptosis model (specification §10), loaded from the embedded model files of each model version.</summary>
/// <remarks>
/// The osteoblast is the reference (MC3T3-E1-like); the osteoclast (mature, RANKL-stimulated) takes up
/// more iron, has NCOA4-ferritinophagy and weaker Nrf2/HO-1; the osteocyte (MLO-Y4-like) equals the
/// osteoblast at rest but has a lipid-peroxidation → c-JUN → HMOX1 arm; the osteoclast precursor exists
/// from model v2 on. A cell type's parameters depend on the model version (<see cref="ParametersIn"/>).
/// The evidence for each multiplier is in the parameter-set files and the README of each version's folder
/// (<c>models/ferroptosis/v1/README.md</c>). Immutable.
/// </remarks>
public sealed class BoneCell
{
    private BoneCell(string name, string description, string parameterFile)
    {
        Name = name;
        Description = description;
        ParameterFile = parameterFile;
    }

    /// <summary>Gets the osteoblast, the reference cell (bone-forming; MC3T3-E1-like).</summary>
    public static BoneCell Osteoblast { get; } = new("osteoblast", "bone-forming osteoblast (reference parameter set; MC3T3-E1-like)", "osteoblast.ant");

    /// <summary>Gets the osteoclast (bone-resorbing; mature, RANKL-stimulated): more TfR1, NCOA4-ferritinophagy, weaker Nrf2 and HO-1.</summary>
    public static BoneCell Osteoclast { get; } = new("osteoclast", "bone-resorbing osteoclast (mature, RANKL-stimulated): iron-hungry, NCOA4-ferritinophagy, weaker Nrf2/HO-1", "osteoclast.ant");

    /// <summary>Gets the osteocyte (MLO-Y4-like): as the osteoblast at rest, with a lipid-peroxidation → c-JUN → HMOX1 arm.</summary>
    public static BoneCell Osteocyte { get; } = new("osteocyte", "osteocyte (MLO-Y4-like): as the osteoblast at rest, plus an LPO → c-JUN → HMOX1 vicious cycle", "osteocyte.ant");

    /// <summary>Gets the osteoclast precursor (pre-osteoclast, before RANKL-driven fusion), name "osteoclast-precursor", alias "OCP"; it exists from model v2 on (using it with <see cref="FerroptosisModel.Version1"/> throws).</summary>
    public static BoneCell OsteoclastPrecursor { get; } = new("osteoclast-precursor", "osteoclast precursor (pre-osteoclast, before RANKL-driven fusion; from model v2 on)", "osteoclast-precursor.ant");

    /// <summary>Gets the three mature cell types: osteoblast, osteoclast, osteocyte (every model version has them).</summary>
    public static IReadOnlyList<BoneCell> All { get; } = [Osteoblast, Osteoclast, Osteocyte];

    /// <summary>Gets the four cell types: <see cref="All"/> and the <see cref="OsteoclastPrecursor"/> (model v2 on; <see cref="FerroptosisModel.CellTypes"/> lists those of one version).</summary>
    public static IReadOnlyList<BoneCell> AllWithPrecursor { get; } = [Osteoblast, Osteoclast, Osteocyte, OsteoclastPrecursor];

    /// <summary>Gets the name, e.g. "osteoblast".</summary>
    public string Name { get; }

    /// <summary>Gets a one-line description.</summary>
    public string Description { get; }

    /// <summary>Gets the parameter-set file (in each version's folder <c>models/ferroptosis/vN/</c>, embedded in the library).</summary>
    public string ParameterFile { get; }

    /// <summary>Gets the parameter values that differ from the base (osteoblast) model in the default model (<see cref="FerroptosisModel.Default"/>).</summary>
    /// <exception cref="ArgumentException">The default model has no parameter set for this cell type.</exception>
    public IReadOnlyDictionary<string, double> Parameters => ParametersIn(FerroptosisModel.Default);

    /// <summary>Gets the parameter values that differ from the base (osteoblast) model in a model version.</summary>
    /// <param name="model">The model version.</param>
    /// <returns>The values by parameter id, read once per version.</returns>
    /// <exception cref="ArgumentException">The cell type does not exist in that version (the osteoclast precursor in v1); the message says from which version on it does.</exception>
    public IReadOnlyDictionary<string, double> ParametersIn(FerroptosisModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.ParametersOf(this);
    }

    /// <summary>Finds a cell type by name (case-insensitive; "OB", "OC", "OCY", "OCP" also accepted).</summary>
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
            "OCP" => "osteoclast-precursor",
            _ => name,
        };
        var cell = AllWithPrecursor.FirstOrDefault(c => string.Equals(c.Name, key, StringComparison.OrdinalIgnoreCase));
        if (cell is not null)
        {
            return cell;
        }

        string hint = NameSuggestions.Hint(NameSuggestions.Closest(name, AllWithPrecursor.Select(c => c.Name)));
        throw new ArgumentException($"Unknown cell type '{name}'{(hint.Length == 0 ? "." : hint)} Known cell types: osteoblast, osteoclast, osteocyte, osteoclast-precursor (model v2 on).", nameof(name));
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
