using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using RuleSuspension.Application;
using RuleSuspension.Application.Events;

namespace RuleSuspension.Benchmarks.Input;

/// <summary>
/// What the input checks of issue #10 add to each event: the scan of the body for duplicate keys and depth (done
/// before the serializer reads it), and the bounds of the envelope and of a sign-up's data, against the read of that
/// data the server did already.
/// </summary>
[MemoryDiagnoser]
public class InputCheckBenchmarks
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        """{"id":"evt-0f6b1c2e9a7d4e0c8b1a","type":"customer.signed-up","occurredAt":"2026-12-01T10:00:00Z","customerId":"c-00042","data":{"customer":{"name":"Acme Ltd","email":"billing@acme.test","tenantId":"t-1","planId":"pro","identityVerified":false,"tags":["smb","trial"],"accountManagers":["am@host.test","second@host.test"]},"campaign":"autumn"}}""");

    private JsonElement _data;

    [GlobalSetup]
    public void Setup() => _data = JsonDocument.Parse(Body).RootElement.GetProperty("data").Clone();

    [Benchmark(Baseline = true, Description = "read sign-up data (before)")]
    public EventData ReadData() => EventData.Read("customer.signed-up", _data, new ValidationErrors());

    [Benchmark(Description = "read + bounds of the data and ids")]
    public bool ReadAndCheck()
    {
        var errors = new ValidationErrors();
        var data = EventData.Read("customer.signed-up", _data, errors);
        errors.CheckId("id", "evt-0f6b1c2e9a7d4e0c8b1a");
        errors.CheckId("customerId", "c-00042");
        errors.Check("occurredAt", InputLimits.Default.EventTimeProblem(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow));
        data.Check(InputLimits.Default, errors);
        return errors.Any;
    }

    [Benchmark(Description = "scan the body for duplicate keys and depth")]
    public JsonShapeProblem? ScanBody() => JsonShape.FindProblem(Body, 64);
}
