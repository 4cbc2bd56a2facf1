namespace Ferroptosis.Sim.Modeling.Compilation;

/// <summary>How a batched right-hand side evaluates exp, ln and non-literal powers.</summary>
public enum BatchedFunctions
{
    /// <summary>The scalar <see cref="Math"/> methods, called once per lane: every lane equals the scalar model bit for bit (the default).</summary>
    ScalarIdentical = 0,

    /// <summary>
    /// Vector exp and log (<see cref="System.Runtime.Intrinsics.Vector256.Exp(System.Runtime.Intrinsics.Vector256{double})"/>,
    /// <see cref="System.Runtime.Intrinsics.Vector256.Log(System.Runtime.Intrinsics.Vector256{double})"/>), and x^y as exp(y·ln x) for
    /// finite x &gt; 0 and finite y (other lanes call <see cref="Math.Pow"/>): faster, within a few units in the last place of
    /// the scalar values but not bit-identical to them. Cells stay bit-identical whatever lane, batch or thread they ran in.
    /// </summary>
    VectorMath = 1,
}
