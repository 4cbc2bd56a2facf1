using Ferroptosis.Sim.Analysis;
using Parquet;
using Parquet.Schema;

namespace Ferroptosis.Sim.Distributed;

/// <summary>Writes and reads a shard's per-run rows as Parquet: <c>run</c> (int64), one float64 column per input, one float32 (or float64) column per read-out, <c>status</c> (string).</summary>
/// <remarks>
/// One row group per shard; Snappy compression; key–value metadata names the plan hash, the shard and its first run.
/// Parquet.Net 6.1 writes no timestamps, so the same rows give the same bytes (a test holds it to that).
/// </remarks>
internal static class ShardParquet
{
    public static async Task WriteAsync(Stream stream, EnsembleWorkload workload, int shard, EnsembleRows rows, CancellationToken cancellationToken)
    {
        bool single = workload.Plan.IsSinglePrecision;
        var runField = new DataField<long>("run");
        var inputFields = workload.InputNames.Select(n => new DataField<double>(n)).ToArray();
        var outputFields = workload.OutputNames.Select(n => single ? (DataField)new DataField<float>(n) : new DataField<double>(n)).ToArray();
        var statusField = new DataField<string>("status");
        var schema = new ParquetSchema([runField, .. inputFields, .. outputFields, statusField]);
        int n = rows.Count, k = rows.InputNames.Count, m = rows.OutputNames.Count;
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        writer.CustomMetadata = new Dictionary<string, string>
        {
            ["ferrosim.planHash"] = workload.PlanHash,
            ["ferrosim.shard"] = shard.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ferrosim.firstRun"] = rows.FirstRun.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        using var group = writer.CreateRowGroup();
        var runs = new long[n];
        for (int i = 0; i < n; i++)
        {
            runs[i] = rows.FirstRun + i;
        }

        await group.WriteAsync<long>(runField, runs, cancellationToken: cancellationToken).ConfigureAwait(false);
        for (int j = 0; j < k; j++)
        {
            var column = new double[n];
            for (int i = 0; i < n; i++)
            {
                column[i] = rows.Inputs[(i * k) + j];
            }

            await group.WriteAsync<double>(inputFields[j], column, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        for (int o = 0; o < m; o++)
        {
            if (single)
            {
                var column = new float[n];
                for (int i = 0; i < n; i++)
                {
                    column[i] = (float)rows.Outputs[(i * m) + o];
                }

                await group.WriteAsync<float>(outputFields[o], column, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var column = new double[n];
                for (int i = 0; i < n; i++)
                {
                    column[i] = rows.Outputs[(i * m) + o];
                }

                await group.WriteAsync<double>(outputFields[o], column, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }

        await group.WriteAsync(statusField, [.. rows.Statuses]).ConfigureAwait(false);
    }

    /// <summary>Reads the run indices and one read-out column of a shard file (tests and <c>status</c>).</summary>
    public static async Task<(long[] Runs, double[] Values)> ReadColumnAsync(string path, string name, CancellationToken cancellationToken = default)
    {
        await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
        var fields = reader.Schema.GetDataFields();
        var runField = fields.First(f => f.Name == "run");
        var field = fields.First(f => f.Name == name);
        var runs = new List<long>();
        var values = new List<double>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int count = checked((int)group.RowCount);
            var r = new long[count];
            await group.ReadAsync<long>(runField, r, cancellationToken: cancellationToken).ConfigureAwait(false);
            runs.AddRange(r);
            if (field.ClrType == typeof(float))
            {
                var v = new float[count];
                await group.ReadAsync<float>(field, v, cancellationToken: cancellationToken).ConfigureAwait(false);
                values.AddRange(v.Select(x => (double)x));
            }
            else
            {
                var v = new double[count];
                await group.ReadAsync<double>(field, v, cancellationToken: cancellationToken).ConfigureAwait(false);
                values.AddRange(v);
            }
        }

        return ([.. runs], [.. values]);
    }

    /// <summary>Reads a shard file back into rows (read-outs widened to double from float32 files).</summary>
    public static async Task<EnsembleRows> ReadRowsAsync(string path, EnsemblePlan plan, CancellationToken cancellationToken)
    {
        await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
        var fields = reader.Schema.GetDataFields();
        int k = plan.Samples.Inputs.Count, m = plan.Protocol.Readouts.Count;
        if (fields.Length != k + m + 2 || fields[0].Name != "run" || fields[^1].Name != "status" || reader.RowGroupCount != 1)
        {
            throw new FormatException($"{path} is not a shard file of this plan ({k} inputs, {m} read-outs).");
        }

        using var group = reader.OpenRowGroupReader(0);
        int n = checked((int)group.RowCount);
        var runs = new long[n];
        await group.ReadAsync<long>(fields[0], runs, cancellationToken: cancellationToken).ConfigureAwait(false);
        var inputs = new double[n * k];
        var outputs = new double[n * m];
        var column = new double[n];
        var single = new float[n];
        for (int c = 0; c < k + m; c++)
        {
            var field = fields[1 + c];
            if (field.ClrType == typeof(float))
            {
                await group.ReadAsync<float>(field, single, cancellationToken: cancellationToken).ConfigureAwait(false);
                for (int i = 0; i < n; i++)
                {
                    column[i] = single[i];
                }
            }
            else
            {
                await group.ReadAsync<double>(field, column, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            bool isInput = c < k;
            int width = isInput ? k : m, j = isInput ? c : c - k;
            var target = isInput ? inputs : outputs;
            for (int i = 0; i < n; i++)
            {
                target[(i * width) + j] = column[i];
            }
        }

        var read = new string?[n];
        await group.ReadAsync(fields[^1], read.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
        string[] statuses = [.. read.Select(s => s ?? "Failed")];
        string[] names = [.. fields.Select(f => f.Name)];
        return new EnsembleRows(n == 0 ? 0 : runs[0], n, names[1..(k + 1)], names[(k + 1)..^1], inputs, outputs, statuses);
    }
}
