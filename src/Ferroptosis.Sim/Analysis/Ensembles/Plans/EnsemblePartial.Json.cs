using System.Text;
using System.Text.Json;

namespace Ferroptosis.Sim.Analysis;

/// <summary>The JSON form of a partial: read, written, and the fields partials and results share.</summary>
public sealed partial class EnsemblePartial
{
    /// <summary>Reads a partial from its JSON.</summary>
    /// <param name="json">The text.</param>
    /// <returns>The partial.</returns>
    /// <exception cref="FormatException">Not a partial of this version, or malformed.</exception>
    public static EnsemblePartial FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.GetProperty("format").GetString() != FormatName || root.GetProperty("version").GetInt32() != EnsemblePlan.CurrentVersion)
            {
                throw new FormatException($"Not a version {EnsemblePlan.CurrentVersion} ensemble partial.");
            }

            var outputs = root.GetProperty("outputs").EnumerateArray().ToList();
            var partial = new EnsemblePartial(
                root.GetProperty("planHash").GetString() ?? "",
                root.GetProperty("shard").GetInt32(),
                root.GetProperty("firstRun").GetInt64(),
                [.. outputs.Select(o => o.GetProperty("name").GetString() ?? "")]);
            partial.Runs = root.GetProperty("runs").GetInt64();
            foreach (var failure in root.GetProperty("failures").EnumerateObject())
            {
                partial._failures[failure.Name] = failure.Value.GetInt64();
            }

            partial._failedRuns.AddRange(root.GetProperty("failedRuns").EnumerateArray().Select(e => e.GetInt64()));
            for (int o = 0; o < outputs.Count; o++)
            {
                var e = outputs[o];
                long count = e.GetProperty("count").GetInt64();
                partial._outputs[o].SetState(
                    count,
                    e.GetProperty("missing").GetInt64(),
                    ExactMoments.Parse(e.GetProperty("sum").GetString() ?? "0"),
                    ExactMoments.Parse(e.GetProperty("sumOfSquares").GetString() ?? "0"),
                    count == 0 ? double.PositiveInfinity : ReadDouble(e.GetProperty("min")),
                    count == 0 ? double.NegativeInfinity : ReadDouble(e.GetProperty("max")),
                    e.GetProperty("bins").EnumerateArray().Select(b => new KeyValuePair<long, long>(b[0].GetInt64(), b[1].GetInt64())));
            }

            if (root.TryGetProperty("saltelli", out var saltelli))
            {
                partial._factors = [.. saltelli.GetProperty("factors").EnumerateArray().Select(f => f.GetString() ?? "")];
                var sums = saltelli.GetProperty("outputs").EnumerateArray().ToList();
                if (sums.Count != outputs.Count)
                {
                    throw new FormatException("The Saltelli sums do not match the read-outs.");
                }

                partial._saltelli = [.. sums.Select(e => SaltelliSums.Read(e, partial._factors.Length))];
            }

            if (root.TryGetProperty("morris", out var morris))
            {
                partial._factors = [.. morris.GetProperty("factors").EnumerateArray().Select(f => f.GetString() ?? "")];
                var sums = morris.GetProperty("outputs").EnumerateArray().ToList();
                if (sums.Count != outputs.Count)
                {
                    throw new FormatException("The Morris sums do not match the read-outs.");
                }

                partial._morris = [.. sums.Select(e => MorrisSums.Read(e, partial._factors.Length))];
            }

            return partial;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new FormatException($"Malformed ensemble partial: {ex.Message}", ex);
        }
    }

    /// <summary>The writer options of the shard partials and the reduced result: indented, unescaped text, "\n" line ends on every platform (so a shard written on any node has the same bytes).</summary>
    internal static readonly JsonWriterOptions WriterOptions = new() { Indented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the partial as JSON (deterministic: same partial, same bytes).</summary>
    /// <returns>The text.</returns>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("format", FormatName);
            w.WriteNumber("version", EnsemblePlan.CurrentVersion);
            w.WriteString("planHash", PlanHash);
            w.WriteNumber("shard", Shard);
            w.WriteNumber("firstRun", FirstRun);
            w.WriteNumber("runs", Runs);
            WriteFailures(w, _failures, _failedRuns);
            w.WriteStartArray("outputs");
            foreach (var o in _outputs)
            {
                w.WriteStartObject();
                w.WriteString("name", o.Name);
                w.WriteNumber("count", o.Count);
                w.WriteNumber("missing", o.Missing);
                w.WriteString("sum", ExactMoments.Format(o.Sum));
                w.WriteString("sumOfSquares", ExactMoments.Format(o.SumOfSquares));
                WriteDouble(w, "min", o.Count == 0 ? double.NaN : o.Minimum);
                WriteDouble(w, "max", o.Count == 0 ? double.NaN : o.Maximum);
                w.WriteStartArray("bins");
                foreach (var (key, count) in o.Bins)
                {
                    w.WriteStartArray();
                    w.WriteNumberValue(key);
                    w.WriteNumberValue(count);
                    w.WriteEndArray();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (_saltelli is not null)
            {
                w.WriteStartObject("saltelli");
                w.WriteStartArray("factors");
                foreach (string factor in _factors!)
                {
                    w.WriteStringValue(factor);
                }

                w.WriteEndArray();
                w.WriteStartArray("outputs");
                foreach (var sums in _saltelli)
                {
                    sums.Write(w);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            if (_morris is not null)
            {
                w.WriteStartObject("morris");
                w.WriteStartArray("factors");
                foreach (string factor in _factors!)
                {
                    w.WriteStringValue(factor);
                }

                w.WriteEndArray();
                w.WriteStartArray("outputs");
                foreach (var sums in _morris)
                {
                    sums.Write(w);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    internal static void WriteDouble(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, value);
        }
        else if (double.IsNaN(value))
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value > 0 ? "Infinity" : "-Infinity");
        }
    }

    private static double ReadDouble(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.String => e.GetString() == "Infinity" ? double.PositiveInfinity : double.NegativeInfinity,
        _ => double.NaN,
    };

    /// <summary>Writes the failures per solver status and the first failed run indices (the same fields in partials and results).</summary>
    /// <param name="w">The JSON writer, inside an object.</param>
    /// <param name="failures">Failed runs per status.</param>
    /// <param name="failedRuns">The first failed run indices.</param>
    internal static void WriteFailures(Utf8JsonWriter w, IEnumerable<KeyValuePair<string, long>> failures, IEnumerable<long> failedRuns)
    {
        w.WriteStartObject("failures");
        foreach (var (status, count) in failures)
        {
            w.WriteNumber(status, count);
        }

        w.WriteEndObject();
        w.WriteStartArray("failedRuns");
        foreach (long run in failedRuns)
        {
            w.WriteNumberValue(run);
        }

        w.WriteEndArray();
    }
}
