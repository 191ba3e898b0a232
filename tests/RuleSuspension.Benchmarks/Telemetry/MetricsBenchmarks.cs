using BenchmarkDotNet.Attributes;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using RuleSuspension.Persistence.Telemetry;

namespace RuleSuspension.Benchmarks.Telemetry;

/// <summary>
/// What the service's own metrics cost on the hot path: the counters one event records (received, decision, a
/// suspension) and a lock wait, with no listener (telemetry off) and with the OpenTelemetry SDK aggregating them
/// (what /metrics and OTLP read).
/// </summary>
[MemoryDiagnoser]
public class MetricsBenchmarks
{
    private MeterProvider? _provider;

    [Params(false, true)]
    public bool Listened { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        if (Listened)
        {
            _provider = Sdk.CreateMeterProviderBuilder().AddMeter(ServiceMetrics.MeterName)
                .AddReader(new BaseExportingMetricReader(new DiscardingExporter()))
                .Build();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _provider?.Dispose();

    [Benchmark(Description = "one event's measurements")]
    public void OneEvent()
    {
        ServiceMetrics.LockTaken(System.Diagnostics.Stopwatch.GetTimestamp());
        ServiceMetrics.EventReceived("customer.signed-up");
        ServiceMetrics.Decision("Suspend", "signup");
        ServiceMetrics.Suspended("automatic", "identity-check");
    }

    private sealed class DiscardingExporter : BaseExporter<Metric>
    {
        public override ExportResult Export(in Batch<Metric> batch) => ExportResult.Success;
    }
}
