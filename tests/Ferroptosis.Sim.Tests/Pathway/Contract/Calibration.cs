namespace Ferroptosis.Sim.Tests.Pathway.Contract;

/// <summary>Which criteria of the contract were used to calibrate model v2 and which were held out as predictions (<c>models/ferroptosis/v2/README.md</c>, calibration record).</summary>
internal static class Calibration
{
    /// <summary>Whether a criterion was removed from the calibration loss because it conflicts with the v2 contract: EB-15 (v1's HO-1 protocol at a fixed oxidant ×1.65; model v2 README, section 5).</summary>
    public static bool Excluded(Crit c) => c.Eb == "EB-15";

    /// <summary>Whether a criterion was never part of the calibration loss: EB-10, EB-11 and EB-31 whole, the 24-h pre-induction curves of EB-29, the dose ordering of EB-38, DFO in osteoclasts (EB-16) and FAC 50 µM in osteoclast formation (EB-35).</summary>
    public static bool HeldOut(Crit c) => c.Eb is "EB-31" or "EB-11" or "EB-10"
        || (c.Eb == "EB-29" && c.Name.Contains("D=24", StringComparison.Ordinal))
        || (c.Eb == "EB-38" && c.Name.Contains("protection 10 >= 5 >= 2", StringComparison.Ordinal))
        || (c.Eb == "EB-16" && c.Name.Contains("DFO", StringComparison.Ordinal))
        || (c.Eb == "EB-35" && c.Name.Contains("FAC 50", StringComparison.Ordinal));
}
