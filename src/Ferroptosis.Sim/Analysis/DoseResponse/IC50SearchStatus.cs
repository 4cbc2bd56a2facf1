namespace Ferroptosis.Sim.Analysis;

/// <summary>How a model-free IC50 search ended.</summary>
public enum IC50SearchStatus
{
    /// <summary>The level was bracketed and the dose located within the tolerance.</summary>
    Found = 0,

    /// <summary>The response does not cross the level between the given doses; no dose was returned.</summary>
    NotBracketed,

    /// <summary>An evaluation (simulation) failed; the message says which and why.</summary>
    EvaluationFailed,

    /// <summary>The evaluation budget ran out before the tolerance was met; the best estimate is returned.</summary>
    MaxEvaluationsReached,
}
