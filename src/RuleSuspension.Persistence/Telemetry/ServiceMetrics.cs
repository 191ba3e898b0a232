using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RuleSuspension.Persistence.Telemetry;

/// <summary>
/// The service's own instruments (meter <c>RuleSuspension</c>), exported as OpenTelemetry metrics and on
/// <c>/metrics</c>. Each is a counter or histogram with a few low-cardinality tags: recording is an add to an
/// aggregate, nothing is allocated per event, and with no listener (telemetry off) it costs a check.
/// </summary>
public static class ServiceMetrics
{
    public const string MeterName = "RuleSuspension";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> EventsReceived = Meter.CreateCounter<long>("rulesuspension.events.received", "{event}", "Events accepted by POST /api/events (repeats included), by type.");
    private static readonly Counter<long> EventsRefused = Meter.CreateCounter<long>("rulesuspension.events.refused", "{event}", "Events refused (4xx), by type (other for an unknown type).");
    private static readonly Counter<long> Decisions = Meter.CreateCounter<long>("rulesuspension.decisions", "{decision}", "Rule-set decisions acted on, by outcome and rule set.");
    private static readonly Counter<long> Suspensions = Meter.CreateCounter<long>("rulesuspension.suspensions", "{suspension}", "Suspensions committed, by kind and reason code.");
    private static readonly Counter<long> Lifts = Meter.CreateCounter<long>("rulesuspension.lifts", "{lift}", "Lifts committed, by the suspension's kind and reason code.");
    private static readonly Counter<long> OutboxFailures = Meter.CreateCounter<long>("rulesuspension.outbox.failures", "{attempt}", "Failed outbox delivery attempts, by channel.");
    private static readonly Counter<long> OverdueRuns = Meter.CreateCounter<long>("rulesuspension.overdue_check.runs", "{run}", "Overdue-check runs finished, by status.");
    private static readonly Histogram<double> OverdueDuration = Meter.CreateHistogram<double>("rulesuspension.overdue_check.duration", "s", "How long an overdue-check run took.");
    private static readonly Histogram<double> LockWait = Meter.CreateHistogram<double>("rulesuspension.customer_lock.wait", "s", "Time to take a customer's database lock (with its transaction).");

    /// <summary>The outbox's undelivered messages per channel, as last sampled (see the server's backlog sampler).</summary>
    private static long _webhookBacklog;
    private static long _emailBacklog;

    static ServiceMetrics()
    {
        Meter.CreateObservableGauge("rulesuspension.outbox.backlog", () => new[]
        {
            new Measurement<long>(Interlocked.Read(ref _webhookBacklog), new KeyValuePair<string, object?>("channel", "webhook")),
            new Measurement<long>(Interlocked.Read(ref _emailBacklog), new KeyValuePair<string, object?>("channel", "email")),
        }, "{message}", "Outbox messages not yet delivered (and not given up on), by channel.");
    }

    public static void EventReceived(string type) => EventsReceived.Add(1, new KeyValuePair<string, object?>("type", type));

    public static void EventRefused(string type) => EventsRefused.Add(1, new KeyValuePair<string, object?>("type", type));

    public static void Decision(string outcome, string ruleSet)
        => Decisions.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("rule_set", ruleSet));

    public static void Suspended(string kind, string reason)
        => Suspensions.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("reason", reason));

    public static void Lifted(string kind, string reason)
        => Lifts.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("reason", reason));

    public static void OutboxFailed(string channel) => OutboxFailures.Add(1, new KeyValuePair<string, object?>("channel", channel));

    public static void OverdueCheckFinished(string status, TimeSpan took)
    {
        OverdueRuns.Add(1, new KeyValuePair<string, object?>("status", status));
        OverdueDuration.Record(took.TotalSeconds);
    }

    /// <summary>Records the wait since <paramref name="startTimestamp"/> (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public static void LockTaken(long startTimestamp) => LockWait.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds);

    public static void OutboxBacklog(long webhook, long email)
    {
        Interlocked.Exchange(ref _webhookBacklog, webhook);
        Interlocked.Exchange(ref _emailBacklog, email);
    }
}
