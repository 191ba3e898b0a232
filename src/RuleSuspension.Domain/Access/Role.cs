namespace RuleSuspension.Domain.Access;

/// <summary>The roles an API key can carry (DESIGN §8).</summary>
public enum Role
{
    Viewer,
    Integration,
    Finance,
    Admin,
    SuperAdmin,
}
