namespace RuleSuspension.Domain.Access;

/// <summary>The roles an API key can carry.</summary>
public enum Role
{
    Viewer,
    Integration,
    Finance,
    Admin,
    SuperAdmin,
}
