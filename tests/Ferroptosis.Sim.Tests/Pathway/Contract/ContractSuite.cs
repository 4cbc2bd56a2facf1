using System.Globalization;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Tests.Pathway.Contract;

/// <summary>Runs every protocol of the behaviour contract once on the embedded model v2 and keeps the evaluated criteria.</summary>
internal static class ContractSuite
{
    private static readonly Lazy<IReadOnlyList<Crit>> LazyCriteria = new(Evaluate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Gets every evaluated criterion (cached for the test run).</summary>
    public static IReadOnlyList<Crit> Criteria => LazyCriteria.Value;

    /// <summary>Gets the repository root (the folder with Ferroptosis.Sim.sln).</summary>
    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Ferroptosis.Sim.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new DirectoryNotFoundException("The repository root (with Ferroptosis.Sim.sln) was not found above the test directory.");
        }
    }

    /// <summary>Evaluates the whole contract on a model (the calibrated model v2, or a variant of it).</summary>
    public static IReadOnlyList<Crit> Evaluate(M lab)
    {
        var checks = new Checks(lab);
        Action[] groups =
        [
            checks.V1, checks.EB15, () => checks.EB28("osteoblast", true), () => checks.EB28("osteocyte", true), () => checks.EB28("osteoclast", false, false),
            () => checks.EB29("osteoblast"), () => checks.EB29("osteocyte"), checks.EB30, checks.EB31, checks.EB32, checks.EB33, checks.EB34, checks.EB35,
            checks.EB37, checks.EB38, checks.EB39,
        ];
        Parallel.ForEach(groups, g => g());
        return [.. checks.All.OrderBy(c => int.Parse(c.Eb[3..], CultureInfo.InvariantCulture)).ThenBy(c => c.Name, StringComparer.Ordinal)];
    }

    private static IReadOnlyList<Crit> Evaluate() => Evaluate(new M(FerroptosisModel.Version2, []));
}
