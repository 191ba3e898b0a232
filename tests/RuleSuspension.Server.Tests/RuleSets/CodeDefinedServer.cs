using RuleSuspension.Server.Tests.Infrastructure;

namespace RuleSuspension.Server.Tests.RuleSets;

/// <summary>The server with the sample code-defined rule set (non-payment-code) loaded through <c>Rules:Assemblies</c>.</summary>
public sealed class CodeDefinedServer : IAsyncLifetime
{
    public const string RuleSet = "non-payment-code";

    public static string SampleAssembly => Path.Combine(AppContext.BaseDirectory, "RuleSuspension.Samples.NonPayment.dll");

    public TestServer Server { get; } = new(new Dictionary<string, string?> { ["Rules:Assemblies:0"] = SampleAssembly });

    public Task InitializeAsync() => Server.InitializeAsync();

    public Task DisposeAsync() => Server.DisposeAsync();
}
