using System.Diagnostics.Metrics;
using StudyHub.Server.Hosting;

namespace StudyHub.Server.Tests.Platform;

public sealed class PrometheusMetricsTests
{
    [Fact]
    public void Counters_histograms_and_gauges_render_in_prometheus_text_format()
    {
        using var metrics = new PrometheusMetrics();
        using var meter = new Meter("StudyHub.Tests." + Guid.NewGuid().ToString("N"));
        var signIns = meter.CreateCounter<long>("studyhub.sign_ins", description: "Sign-in attempts.");
        var duration = meter.CreateHistogram<double>("studyhub.job.duration", unit: "s");
        meter.CreateObservableGauge("studyhub.queue.depth", () => 7);

        signIns.Add(2, new KeyValuePair<string, object?>("outcome", "success"));
        signIns.Add(1, new KeyValuePair<string, object?>("outcome", "fail\"ed\n"));
        duration.Record(0.003);
        duration.Record(0.2);
        duration.Record(30);
        var text = metrics.Render();

        Assert.Contains("# HELP studyhub_sign_ins_total Sign-in attempts.\n# TYPE studyhub_sign_ins_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("studyhub_sign_ins_total{outcome=\"success\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("studyhub_sign_ins_total{outcome=\"fail\\\"ed\\n\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE studyhub_job_duration_seconds histogram\n", text, StringComparison.Ordinal);
        Assert.Contains("studyhub_job_duration_seconds_bucket{le=\"0.0025\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("studyhub_job_duration_seconds_bucket{le=\"0.005\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("studyhub_job_duration_seconds_bucket{le=\"0.25\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("studyhub_job_duration_seconds_bucket{le=\"10\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("studyhub_job_duration_seconds_bucket{le=\"+Inf\"} 3\n", text, StringComparison.Ordinal);
        Assert.Contains("studyhub_job_duration_seconds_sum 30.203\n", text, StringComparison.Ordinal);
        Assert.Contains("studyhub_job_duration_seconds_count 3\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE studyhub_queue_depth gauge\nstudyhub_queue_depth 7\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http.server.request.duration", "http_server_request_duration")]
    [InlineData("9lives", "_9lives")]
    [InlineData("a-b c", "a_b_c")]
    public void Names_follow_prometheus_rules(string name, string expected) =>
        Assert.Equal(expected, PrometheusMetrics.SanitizeName(name.Replace('.', '_')));
}
