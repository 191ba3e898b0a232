namespace RuleSuspension.Domain.Access;

/// <summary>Who made a change: a person (through an API key) or the system (a workflow, a rule, a scheduled job).</summary>
public sealed record Actor(ActorKind Kind, string Name, Role? Role)
{
    public static Actor Person(string name, Role role) => new(ActorKind.Person, name, role);

    public static Actor System(string name) => new(ActorKind.System, name, null);

    public bool IsPerson => Kind == ActorKind.Person;

    public override string ToString() => Role is { } role ? $"{Name} ({role})" : Name;
}

public enum ActorKind
{
    Person,
    System,
}
