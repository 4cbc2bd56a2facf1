using System.CommandLine;
using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Cli;

/// <summary>The options <c>simulate</c> and <c>scan</c> share, each with help text and tab completion, and the resolution of their values into library objects.</summary>
internal static class CommonOptions
{
    /// <summary>Gets the word that selects every cell type.</summary>
    public const string AllCells = "all";

    /// <summary>Creates the optional MODEL argument (default: the built-in model).</summary>
    /// <returns>The argument.</returns>
    public static Argument<string?> Model()
    {
        var model = new Argument<string?>("MODEL")
        {
            Description = $"A built-in model ({string.Join(", ", ModelFile.BuiltInNames)}, the default) or an Antimony (.ant) or SBML (.xml) file.",
            Arity = ArgumentArity.ZeroOrOne,
            HelpName = "MODEL",
        };
        model.CompletionSources.Add([.. ModelFile.BuiltInNames]);
        return model;
    }

    /// <summary>Creates <c>--model-version</c>: the version of the built-in ferroptosis model (default 2).</summary>
    /// <returns>The option.</returns>
    public static Option<string?> ModelVersion()
    {
        var option = new Option<string?>("--model-version")
        {
            Description = $"Version of the built-in ferroptosis model: {string.Join(" or ", FerroptosisModel.All.Select(m => m.Version))} (default {FerroptosisModel.Default.Version}; 1 reproduces published v1 results). Built-in model only.",
            HelpName = "VERSION",
        };
        option.CompletionSources.Add([.. FerroptosisModel.All.Select(m => m.Version)]);
        return option;
    }

    /// <summary>Creates <c>--cell</c> (repeatable).</summary>
    /// <returns>The option.</returns>
    public static Option<string[]> Cells()
    {
        var option = new Option<string[]>("--cell", "-c")
        {
            Description = $"Cell type: {string.Join(", ", BoneCell.AllWithPrecursor.Select(c => c.Name))} (model v2 on) or {AllCells} (the three mature ones); repeat for several (default osteoblast). Built-in model only.",
            HelpName = "CELL",
        };
        option.CompletionSources.Add([.. BoneCell.AllWithPrecursor.Select(c => c.Name), AllCells]);
        return option;
    }

    /// <summary>Creates <c>--perturb</c> (repeatable).</summary>
    /// <returns>The option.</returns>
    public static Option<string[]> Perturb()
    {
        var option = new Option<string[]>("--perturb", "-p")
        {
            Description = "NAME=VALUE[@START[..END]]: a drug with its concentration (erastin=5uM, fer1=1uM, dfo=100uM), "
                + "an exposure (oxidative-stress=1.65, ho1-induction=5), a genetic change (knockdown-gpx4=0.5) or a parameter; "
                + "@12h starts it later, @0h..6h washes it out. For a model file: parameter=value. Repeat for several.",
            HelpName = "NAME=VALUE",
        };
        option.CompletionSources.Add(PerturbationTarget.CompletionNames.Select(n => n + "=").ToArray());
        return option;
    }

    /// <summary>Creates <c>--scenario</c>.</summary>
    /// <returns>The option.</returns>
    public static Option<string?> Scenario()
    {
        var option = new Option<string?>("--scenario", "-s")
        {
            Description = $"Disease scenario switched on at t = 0: {string.Join(", ", DiseaseScenario.All.Select(s => s.Name))}. Built-in model only.",
            HelpName = "NAME",
        };
        option.CompletionSources.Add([.. DiseaseScenario.All.Select(s => s.Name)]);
        return option;
    }

    /// <summary>Creates <c>--chronic</c>.</summary>
    /// <returns>The option.</returns>
    public static Option<bool> Chronic() => new("--chronic")
    {
        Description = "Use the scenario's chronic (half-strength) form instead of the acute in-vitro form.",
    };

    /// <summary>Creates <c>--solver</c>.</summary>
    /// <returns>The option.</returns>
    public static Option<string?> Solver()
    {
        var option = new Option<string?>("--solver")
        {
            Description = $"ODE solver: {string.Join(", ", OdeSolvers.All.Select(s => s.Name))} (default Auto: Tsit5 while the problem is non-stiff, Rodas5P while it is stiff).",
            HelpName = "NAME",
        };
        option.CompletionSources.Add([.. OdeSolvers.All.Select(s => s.Name.ToLowerInvariant())]);
        return option;
    }

    /// <summary>Creates <c>--rtol</c>.</summary>
    /// <returns>The option.</returns>
    public static Option<double?> RelativeTolerance() => new("--rtol") { HelpName = "NUMBER", Description = "Relative tolerance, 1e-14 to 0.1 (default 1e-7 for the built-in model, 1e-6 for files).", CustomParser = r => ParseDouble(r, "--rtol", "1e-8") };

    /// <summary>Creates <c>--atol</c>.</summary>
    /// <returns>The option.</returns>
    public static Option<double?> AbsoluteTolerance() => new("--atol") { HelpName = "NUMBER", Description = "Absolute tolerance (default 1e-9 for the built-in model, 1e-10 for files).", CustomParser = r => ParseDouble(r, "--atol", "1e-10") };

    /// <summary>Creates <c>--force</c>: run beyond the size limits of <see cref="RunSize"/>.</summary>
    /// <returns>The option.</returns>
    public static Option<bool> Force() => new("--force")
    {
        Description = $"Run even when the estimated output is beyond the limits ({RunSize.Describe()}).",
    };

    /// <summary>Parses a number option in the invariant culture, with a message that names the option and shows an example instead of a .NET type name.</summary>
    /// <param name="result">The option's tokens.</param>
    /// <param name="option">The option name.</param>
    /// <param name="example">An example value.</param>
    /// <returns>The number, or null after reporting an error.</returns>
    public static double? ParseDouble(System.CommandLine.Parsing.ArgumentResult result, string option, string example)
    {
        ArgumentNullException.ThrowIfNull(result);
        string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value))
        {
            return value;
        }

        result.AddError($"{option}: '{text}' is not a number; write it like {example}.");
        return null;
    }

    /// <summary>Creates <c>--out</c>.</summary>
    /// <returns>The option.</returns>
    public static Option<string> Out() => new("--out", "-o")
    {
        Description = "Folder for the CSV files and figures (created if missing).",
        HelpName = "DIR",
        DefaultValueFactory = _ => "output",
    };

    /// <summary>Creates <c>--plot</c>.</summary>
    /// <returns>The option.</returns>
    public static Option<string> Plot()
    {
        var option = new Option<string>("--plot")
        {
            Description = "Figure formats, comma-separated: png, svg, pdf, or none.",
            HelpName = "FORMATS",
            DefaultValueFactory = _ => "png",
        };
        option.CompletionSources.Add("png", "svg", "pdf", "png,svg", "none");
        return option;
    }

    /// <summary>Finds the solver named by <c>--solver</c>.</summary>
    /// <param name="name">The name, or null for the default.</param>
    /// <returns>The solver, or null for the default.</returns>
    /// <exception cref="CliException">Unknown name.</exception>
    public static IOdeSolver? ResolveSolver(string? name)
    {
        if (name is null)
        {
            return null;
        }

        var solver = OdeSolvers.All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
        if (solver is not null)
        {
            return solver;
        }

        var names = OdeSolvers.All.Select(s => s.Name).ToList();
        string hint = NameSuggestions.Hint(NameSuggestions.Closest(name, names));
        throw new CliException($"Unknown solver '{name}'{(hint.Length == 0 ? "." : hint)} Solvers: {string.Join(", ", names)}.");
    }

    /// <summary>Finds the model version named by <c>--model-version</c>.</summary>
    /// <param name="version">The version, or null for the default.</param>
    /// <returns>The model.</returns>
    /// <exception cref="CliException">Unknown version.</exception>
    public static FerroptosisModel ResolveModelVersion(string? version) =>
        version is null ? FerroptosisModel.Default : FromLibrary(() => FerroptosisModel.FromVersion(version), "--model-version: ");

    /// <summary>Finds the cell types named by <c>--cell</c>.</summary>
    /// <param name="names">The names; empty for the osteoblast.</param>
    /// <param name="model">The model version, which must have every cell type named.</param>
    /// <returns>The cell types, each once, in the order given.</returns>
    /// <exception cref="CliException">Unknown name, or a cell type the model version does not have.</exception>
    public static IReadOnlyList<BoneCell> ResolveCells(IReadOnlyList<string> names, FerroptosisModel model)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(model);
        if (names.Count == 0)
        {
            return [BoneCell.Osteoblast];
        }

        var cells = new List<BoneCell>();
        foreach (string name in names)
        {
            var found = string.Equals(name, AllCells, StringComparison.OrdinalIgnoreCase) ? BoneCell.All : [FromLibrary(() => BoneCell.FromName(name))];
            foreach (var cell in found.Where(c => !cells.Contains(c)))
            {
                if (!model.CellTypes.Contains(cell))
                {
                    var first = FerroptosisModel.All.FirstOrDefault(m => m.CellTypes.Contains(cell));
                    throw new CliException(
                        $"--cell {cell.Name}: the cell type exists from model {first?.Folder ?? "(none)"} on, not in {model.Folder}; use --model-version {first?.Version ?? FerroptosisModel.Default.Version} (the default is {FerroptosisModel.Default.Version}) or one of {string.Join(", ", model.CellTypes.Select(c => c.Name))}.");
                }

                cells.Add(cell);
            }
        }

        return cells;
    }

    /// <summary>Finds the scenario named by <c>--scenario</c>.</summary>
    /// <param name="name">The name, or null.</param>
    /// <returns>The scenario, or null.</returns>
    /// <exception cref="CliException">Unknown name.</exception>
    public static DiseaseScenario? ResolveScenario(string? name) => name is null ? null : FromLibrary(() => DiseaseScenario.FromName(name));

    /// <summary>Checks a tolerance.</summary>
    /// <param name="value">The value, or null.</param>
    /// <param name="option">The option name.</param>
    /// <returns>The value.</returns>
    /// <exception cref="CliException">Not positive and finite, or a relative tolerance outside 1e-14 to 0.1.</exception>
    public static double? CheckTolerance(double? value, string option)
    {
        if (value is null)
        {
            return null;
        }

        if (!(value > 0) || !double.IsFinite(value.Value))
        {
            throw new CliException($"{option} must be a positive number such as 1e-6.");
        }

        // The solvers refuse a relative tolerance below 1e-14 (double precision cannot honour it); say so before any work.
        return option == "--rtol" && (value < 1e-14 || value > 0.1)
            ? throw new CliException($"--rtol {value.Value.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)} is outside 1e-14 to 0.1: below 1e-14 double precision cannot honour it, above 0.1 the results mean little.")
            : value;
    }

    /// <summary>Warns about an absolute tolerance of 1 or more: errors that large are accepted in every variable, so the results may mean little.</summary>
    /// <param name="atol">The <c>--atol</c> value, or null.</param>
    /// <param name="warnings">Where the warning goes.</param>
    public static void WarnLargeTolerance(double? atol, TextWriter warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        if (atol >= 1)
        {
            warnings.WriteLine($"warning: --atol {atol.Value.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)} is large: the solver accepts an error of this size in every variable, so values smaller than it are not resolved (the defaults are 1e-9 and 1e-10).");
        }
    }

    /// <summary>Refuses options that only make sense for the built-in model when MODEL is a file.</summary>
    /// <param name="model">The model.</param>
    /// <param name="cells">The <c>--cell</c> values.</param>
    /// <param name="scenario">The <c>--scenario</c> value.</param>
    /// <param name="modelVersion">The <c>--model-version</c> value.</param>
    /// <exception cref="CliException">A built-in-only option was given for a file.</exception>
    public static void RequireBuiltInFor(ModelFile model, IReadOnlyList<string> cells, string? scenario, string? modelVersion)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!model.IsBuiltIn && (cells.Count > 0 || scenario is not null || modelVersion is not null))
        {
            throw new CliException($"--cell, --scenario and --model-version apply to the built-in model only; '{model.Path}' is simulated as written (use --perturb name=value to change its parameters).");
        }
    }

    /// <summary>Runs a library lookup, turning its <see cref="ArgumentException"/> (which lists the valid names) into a <see cref="CliException"/>.</summary>
    private static T FromLibrary<T>(Func<T> lookup, string? prefix = null)
    {
        try
        {
            return lookup();
        }
        catch (ArgumentException ex)
        {
            throw CliException.From(ex, prefix ?? "");
        }
    }
}
