using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Networks;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Tests.Pathway;

/// <summary>Iron bookkeeping: every µM of iron that enters or leaves the labile pool is carried by a named reaction flux, and total cellular iron changes only through the model's boundary reactions.</summary>
/// <remarks>
/// Iron sits in four pools, all in µM of Fe in a compartment of volume 1: labile Fe²⁺ (LIP), ferritin iron (FTFE), free
/// heme (HEME) and hemoprotein heme (HB), one Fe per heme. The structural tests read the stoichiometry matrix; the
/// dynamic tests integrate, next to the model, one ledger per iron-moving reaction (a rate rule d(ledger)/dt = flux),
/// and compare the change of each pool with the stoichiometry-weighted sum of the ledgers. Rosenbrock and BDF methods
/// preserve linear invariants of the ODE exactly in exact arithmetic (the stage equations are linear in the increments,
/// and cᵀf = cᵀJ = 0 for an invariant c), so the two sides must agree to round-off, not merely to the tolerance.
/// </remarks>
[Parallelizable(ParallelScope.All)]
public sealed class IronBookkeepingTests
{
    /// <summary>The iron pools and their iron per unit (1 Fe per µM; heme carries one Fe).</summary>
    private static readonly string[] IronPools = ["LIP", "FTFE", "HEME", "HB"];

    /// <summary>README §2.4: "exactly nine reactions change the LIP, each a named flux".</summary>
    private static readonly Dictionary<string, double> LabileIronReactions = new()
    {
        ["R_HO_free"] = 1, ["R_HO_bound"] = 1, ["R_TfR_uptake"] = 1, ["R_NTBI"] = 1, ["R_FT_release"] = 1,
        ["R_FT_load"] = -1, ["R_FPN_export"] = -1, ["R_mito_use"] = -1, ["R_DFO"] = -1,
    };

    /// <summary>Reactions through which iron enters (+1) or leaves (−1) the cell. Heme synthesis is a zero-order source, independent of the mitochondrial iron use that leaves the labile pool (spec §7.3, §7.4): both are open boundaries of this model.</summary>
    private static readonly Dictionary<string, double> BoundaryReactions = new()
    {
        ["R_TfR_uptake"] = 1, ["R_NTBI"] = 1, ["R_heme_syn"] = 1, ["R_hemin"] = 1,
        ["R_FPN_export"] = -1, ["R_mito_use"] = -1, ["R_DFO"] = -1, ["R_heme_exp"] = -1,
    };

    [Test]
    public void Exactly_the_nine_documented_reactions_move_labile_iron_one_Fe_each() =>
        Assert.That(IronContent(["LIP"]), Is.EquivalentTo(LabileIronReactions));

    [Test]
    public void Total_iron_changes_only_through_boundary_reactions() =>
        // Iron content of each reaction: Σ over the iron pools of its column of the stoichiometry matrix. Internal moves
        // (heme release and incorporation, heme oxygenase, ferritin loading and release) conserve iron.
        Assert.That(IronContent(IronPools), Is.EquivalentTo(BoundaryReactions));

    [TestCaseSource(nameof(Protocols))]
    public void Every_micromolar_of_labile_and_total_iron_is_accounted_for_by_fluxes(BoneCell cell, Dictionary<string, double> exposure, IOdeSolver solver)
    {
        // The flux coefficients come from the stoichiometry matrix, not from the documented lists above.
        var labile = IronContent(["LIP"]);
        var boundary = IronContent(IronPools);
        var result = RunWithLedgers(cell, exposure, solver, [.. labile.Keys.Union(boundary.Keys)], hours: 48);
        var lip = result.GetColumn("LIP");
        var total = IronPools.Select(result.GetColumn).Aggregate((a, b) => [.. a.Zip(b, (x, y) => x + y)]);
        var labileBudget = Budget(result, labile);
        var totalBudget = Budget(result, boundary);
        int last = result.Count - 1;
        Assay.Report($"{cell} {string.Join(", ", exposure.Select(kv => $"{kv.Key} {kv.Value}"))}, {solver.Name}: over 48 h ΔLIP {lip[last] - lip[0]:G4} µM, total iron Δ {total[last] - total[0]:G4} µM; LIP in/out {string.Join(", ", LabileIronReactions.Keys.Select(id => FormattableString.Invariant($"{id} {result[last, Ledger(id)]:F3}")))}");

        Assert.Multiple(() =>
        {
            for (int k = 0; k < result.Count; k++)
            {
                Assert.That(lip[k] - lip[0], Is.EqualTo(labileBudget[k]).Within(1e-9), $"ΔLIP at {result.Times[k]} h");
                Assert.That(total[k] - total[0], Is.EqualTo(totalBudget[k]).Within(1e-9), $"Δ total iron at {result.Times[k]} h");
            }

            // The ledgers are not trivially zero: iron does flow (≈ 1.4 µM/h through the labile pool at rest).
            Assert.That(result[last, Ledger("R_TfR_uptake")], Is.GreaterThan(10), "transferrin iron taken up over 48 h (µM)");
        });
    }

    private static IEnumerable<TestCaseData> Protocols()
    {
        (string Name, BoneCell Cell, Dictionary<string, double> Exposure)[] protocols =
        [
            ("rest", BoneCell.Osteoblast, []),
            ("FAC 200 + DFO 30", BoneCell.Osteoblast, new() { ["fac"] = 200, ["dfo"] = 30 }),
            ("hemin 50", BoneCell.Osteoblast, new() { ["hemin"] = 50 }),
            ("HO_OE 20, ros_x 1.65", BoneCell.Osteoblast, new() { ["HO_OE"] = 20, ["ros_x"] = 1.65 }),
            ("erastin 10", BoneCell.Osteoclast, new() { ["erastin"] = 10 }),
            ("hemin 20 + ZnPP 10", BoneCell.Osteocyte, new() { ["hemin"] = 20, ["znpp"] = 10 }),
        ];
        foreach (var (name, cell, exposure) in protocols)
        {
            foreach (var solver in new[] { OdeSolvers.Rodas5P, OdeSolvers.Bdf })
            {
                yield return new TestCaseData(cell, exposure, solver).SetArgDisplayNames(cell.Name, name, solver.Name);
            }
        }
    }

    /// <summary>The net iron each reaction adds to the given pools (one Fe per µM in every pool), from the stoichiometry matrix; reactions with none are left out.</summary>
    private static Dictionary<string, double> IronContent(string[] pools)
    {
        var n = Assay.Model.Network.Stoichiometry;
        var rows = pools.Select(p => n.SpeciesIds.ToList().IndexOf(p)).ToArray();
        Assert.That(rows, Has.None.Negative, "every iron pool is a row of the stoichiometry matrix");
        return Enumerable.Range(0, n.Columns)
            .Select(j => (Id: n.ReactionIds[j], Iron: rows.Sum(i => n[i, j])))
            .Where(x => x.Iron != 0)
            .ToDictionary(x => x.Id, x => x.Iron);
    }

    /// <summary>Integrates the model of a cell from its resting state with one ledger (d ledger/dt = flux) per listed reaction.</summary>
    private static SimulationResult RunWithLedgers(BoneCell cell, Dictionary<string, double> exposure, IOdeSolver solver, string[] reactions, double hours)
    {
        var network = Assay.Model.Network;
        var ledgers = reactions.Select(Ledger).ToArray();
        var augmented = new ReactionNetwork(
            network.Id,
            network.Compartments,
            network.Species,
            network.Parameters.Concat(ledgers.Select(id => new Parameter(id, 0, IsConstant: false))),
            network.Reactions,
            network.AssignmentRules,
            network.RateRules.Concat(reactions.Select(r => new RateRule(Ledger(r), new SymbolExpr(r)))),
            network.InitialAssignments,
            network.Functions,
            network.Events,
            network.ConversionFactor);
        var model = ModelCompiler.Compile(augmented);
        var rest = Assay.Model.RestingState(new Dictionary<string, double>(Assay.ParametersOf(cell)));
        var compiled = Assay.Model.Compiled;
        var initial = compiled.StateIds.Select((id, k) => (id, k)).ToDictionary(x => x.id, x => rest[x.k]);
        var parameters = new Dictionary<string, double>(Assay.ParametersOf(cell));
        foreach (var (id, value) in exposure)
        {
            parameters[id] = value;
        }

        var result = Simulator.Simulate(model, new SimulationSettings
        {
            EndTime = hours,
            OutputPoints = (int)hours + 1,
            Solver = solver,
            RelativeTolerance = 1e-7,
            AbsoluteTolerance = 1e-9,
            MaxStep = 0.25,
            Parameters = parameters,
            InitialValues = initial,
            Outputs = [.. IronPools, .. ledgers],
        });
        Assert.That(result.IsSuccess, Is.True, result.Message);
        return result;
    }

    /// <summary>Σ coefficient × integrated flux, at every output time.</summary>
    private static double[] Budget(SimulationResult result, Dictionary<string, double> coefficients)
    {
        var budget = new double[result.Count];
        foreach (var (reaction, coefficient) in coefficients)
        {
            var column = result.GetColumn(Ledger(reaction));
            for (int k = 0; k < budget.Length; k++)
            {
                budget[k] += coefficient * column[k];
            }
        }

        return budget;
    }

    private static string Ledger(string reaction) => "ledger_" + reaction;
}
