using Orleans.Placement;

namespace Ferroptosis.Sim.Orleans;

/// <summary>Runs one shard in the background (<see cref="ShardRunner"/>) and answers polls about it.</summary>
/// <remarks>
/// Placed on the silo with the fewest activations, so the shards spread over the cluster. The simulation runs on the
/// thread pool, off the grain's scheduler; the caller's polls keep the activation alive, and it deactivates once the
/// caller has seen the outcome.
/// </remarks>
[ActivationCountBasedPlacement]
internal sealed class EnsembleShardGrain : Grain, IEnsembleShardGrain, IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private Task<ShardReply>? _run;

    /// <inheritdoc />
    public Task<string> StartAsync(ShardRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string silo = RuntimeIdentity;
        var token = _cancel.Token;
        _run ??= Task.Run(() => ShardRunner.RunAsync(request, silo, token), token);
        return Task.FromResult(silo);
    }

    /// <inheritdoc />
    public async Task<ShardStatus> PollAsync()
    {
        if (_run is null)
        {
            DeactivateOnIdle();
            return new ShardStatus { State = ShardState.Lost };
        }

        if (!_run.IsCompleted)
        {
            return new ShardStatus { State = ShardState.Running };
        }

        DeactivateOnIdle();
        return new ShardStatus { State = ShardState.Completed, Reply = await _run.ConfigureAwait(true) };
    }

    /// <inheritdoc />
    public async Task CancelAsync()
    {
        await _cancel.CancelAsync().ConfigureAwait(true);
        DeactivateOnIdle();
    }

    /// <inheritdoc />
    public void Dispose() => _cancel.Dispose();
}
