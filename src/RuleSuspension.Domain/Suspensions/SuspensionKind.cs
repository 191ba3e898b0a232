namespace RuleSuspension.Domain.Suspensions;

public enum SuspensionKind
{
    /// <summary>Decided by a person.</summary>
    Manual,

    /// <summary>Decided by a workflow and its rule set; only a person can lift it.</summary>
    Automatic,
}
