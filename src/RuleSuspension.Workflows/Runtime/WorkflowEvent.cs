using System.Text.Json;

namespace RuleSuspension.Workflows.Runtime;

/// <summary>An inbound event as the runtime sees it.</summary>
public sealed record WorkflowEvent(string Id, string Type, DateTimeOffset OccurredAt, string CustomerId, JsonElement Data);

/// <summary>Something that may resume a waiting instance.</summary>
public abstract record WorkflowSignal;

/// <summary>An event of the instance's customer arrived.</summary>
public sealed record EventSignal(WorkflowEvent Event) : WorkflowSignal;

/// <summary>A person completed a task of the instance.</summary>
public sealed record TaskCompletedSignal(TaskCompletion Completion) : WorkflowSignal;

/// <summary>A timer of the instance fell due.</summary>
public sealed record TimerSignal(Guid TimerId) : WorkflowSignal;
