using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace StudyHub.Server.Hosting;

/// <summary>
/// Collects <see cref="System.Diagnostics.Metrics"/> measurements and renders the Prometheus text
/// format at <c>/metrics</c>. Written here because no Prometheus exporter package is in reach.
/// </summary>
internal sealed class PrometheusMetrics : IDisposable
{
    private static readonly string[] MeterPrefixes = ["StudyHub", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime"];

    // Seconds-scale buckets suit request durations; other histograms get the same spread.
    private static readonly double[] Buckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentSeries> _instruments = new();

    public PrometheusMetrics()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (MeterPrefixes.Any(prefix => instrument.Meter.Name.StartsWith(prefix, StringComparison.Ordinal)))
            {
                _instruments.TryAdd(instrument, new InstrumentSeries(instrument));
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<float>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<short>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<byte>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<decimal>((i, v, tags, _) => Record(i, (double)v, tags));
        _listener.Start();
    }

    public string Render()
    {
        _listener.RecordObservableInstruments();
        var text = new StringBuilder();
        foreach (var series in _instruments.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            series.WriteTo(text);
        }

        return text.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (_instruments.TryGetValue(instrument, out var series))
        {
            series.Record(value, tags);
        }
    }

    internal static string SanitizeName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or ':' ? c : '_');
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    internal static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    internal static string FormatNumber(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private sealed class InstrumentSeries
    {
        private readonly Instrument _instrument;
        private readonly Kind _kind;
        private readonly ConcurrentDictionary<string, Point> _points = new(StringComparer.Ordinal);

        public InstrumentSeries(Instrument instrument)
        {
            _instrument = instrument;
            var type = instrument.GetType().GetGenericTypeDefinition();
            _kind = type == typeof(Counter<>) ? Kind.Counter
                : type == typeof(ObservableCounter<>) ? Kind.ObservedCounter
                : type == typeof(Histogram<>) ? Kind.Histogram
                : type == typeof(UpDownCounter<>) ? Kind.Sum
                : Kind.Gauge;
            var unit = instrument.Unit switch
            {
                "s" => "_seconds",
                "ms" => "_milliseconds",
                "By" => "_bytes",
                _ => string.Empty,
            };
            var baseName = SanitizeName(instrument.Name.Replace('.', '_'));
            Name = baseName.EndsWith(unit, StringComparison.Ordinal) ? baseName : baseName + unit;
            if (_kind is Kind.Counter or Kind.ObservedCounter)
            {
                Name += "_total";
            }
        }

        public string Name { get; }

        public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var labels = Labels(tags);
            var point = _points.GetOrAdd(labels, _ => new Point());
            lock (point)
            {
                switch (_kind)
                {
                    case Kind.Counter or Kind.Sum:
                        point.Value += value;
                        break;
                    case Kind.Histogram:
                        point.Buckets ??= new long[Buckets.Length];
                        for (var i = 0; i < Buckets.Length; i++)
                        {
                            if (value <= Buckets[i])
                            {
                                point.Buckets[i]++;
                            }
                        }

                        point.Value += value;
                        point.Count++;
                        break;
                    default:
                        point.Value = value;
                        break;
                }
            }
        }

        public void WriteTo(StringBuilder text)
        {
            if (_points.IsEmpty)
            {
                return;
            }

            var type = _kind switch
            {
                Kind.Counter or Kind.ObservedCounter => "counter",
                Kind.Histogram => "histogram",
                _ => "gauge",
            };
            if (!string.IsNullOrWhiteSpace(_instrument.Description))
            {
                text.Append("# HELP ").Append(Name).Append(' ').Append(_instrument.Description.Replace('\n', ' ')).Append('\n');
            }

            text.Append("# TYPE ").Append(Name).Append(' ').Append(type).Append('\n');
            foreach (var (labels, point) in _points.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                lock (point)
                {
                    if (_kind != Kind.Histogram)
                    {
                        text.Append(Name).Append(Braced(labels)).Append(' ').Append(FormatNumber(point.Value)).Append('\n');
                        continue;
                    }

                    for (var i = 0; i < Buckets.Length; i++)
                    {
                        text.Append(Name).Append("_bucket").Append(Braced(Join(labels, $"le=\"{FormatNumber(Buckets[i])}\""))).Append(' ')
                            .Append(point.Buckets![i].ToString(CultureInfo.InvariantCulture)).Append('\n');
                    }

                    text.Append(Name).Append("_bucket").Append(Braced(Join(labels, "le=\"+Inf\""))).Append(' ').Append(point.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
                    text.Append(Name).Append("_sum").Append(Braced(labels)).Append(' ').Append(FormatNumber(point.Value)).Append('\n');
                    text.Append(Name).Append("_count").Append(Braced(labels)).Append(' ').Append(point.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
                }
            }
        }

        private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (tags.IsEmpty)
            {
                return string.Empty;
            }

            var pairs = new List<string>(tags.Length);
            foreach (var (key, value) in tags)
            {
                pairs.Add($"{SanitizeName(key.Replace('.', '_'))}=\"{EscapeLabelValue(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty)}\"");
            }

            pairs.Sort(StringComparer.Ordinal);
            return string.Join(',', pairs);
        }

        private static string Join(string labels, string extra) => labels.Length == 0 ? extra : labels + "," + extra;

        private static string Braced(string labels) => labels.Length == 0 ? string.Empty : "{" + labels + "}";
    }

    private sealed class Point
    {
        public double Value { get; set; }

        public long Count { get; set; }

        public long[]? Buckets { get; set; }
    }

    private enum Kind
    {
        Counter,
        ObservedCounter,
        Sum,
        Gauge,
        Histogram,
    }
}

internal static class MetricsEndpoint
{
    public static WebApplicationBuilder AddPrometheusMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PrometheusMetrics>();
        return builder;
    }

    public static void MapPrometheusMetrics(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/metrics", (PrometheusMetrics metrics) => Results.Text(metrics.Render(), "text/plain; version=0.0.4; charset=utf-8"))
            .ExcludeFromDescription()
            .DisableRateLimiting();
}
