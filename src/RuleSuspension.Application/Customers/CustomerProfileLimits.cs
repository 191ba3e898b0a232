using RuleSuspension.Domain.Customers;

namespace RuleSuspension.Application.Customers;

/// <summary>The bounds of a customer's profile, the same from <c>PUT /api/customers/{id}</c> and from a sign-up event.</summary>
public static class CustomerProfileLimits
{
    /// <summary>Records every bound <paramref name="profile"/> breaks, each under <paramref name="prefix"/> + the field's name.</summary>
    public static void Check(this InputLimits limits, CustomerProfile profile, ValidationErrors errors, string prefix = "")
    {
        errors.CheckText(prefix + "name", profile.Name, limits.NameLength);
        CheckEmail(limits, errors, prefix + "email", profile.Email);
        if (!string.IsNullOrEmpty(profile.TenantId))
        {
            errors.CheckId(prefix + "tenantId", profile.TenantId);
        }

        if (!string.IsNullOrEmpty(profile.PlanId))
        {
            errors.CheckId(prefix + "planId", profile.PlanId);
        }

        CheckList(limits, errors, prefix + "tags", profile.Tags, (field, tag) => errors.CheckText(field, tag, limits.LabelLength));
        CheckList(limits, errors, prefix + "accountManagers", profile.AccountManagers, (field, email) => CheckEmail(limits, errors, field, email));
    }

    private static void CheckEmail(InputLimits limits, ValidationErrors errors, string field, string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            return;
        }

        var problem = InputLimits.TextProblem(email, limits.EmailLength);
        if (problem is null && (email.Contains(' ') || email.IndexOf('@') is <= 0 || email.EndsWith('@')))
        {
            problem = "must be an email address (name@domain).";
        }

        errors.Check(field, problem);
    }

    private static void CheckList(InputLimits limits, ValidationErrors errors, string field, IReadOnlyList<string> items, Action<string, string> checkItem)
    {
        if (items.Count > limits.ListItems)
        {
            errors.Add(field, $"must have at most {limits.ListItems} items (it has {items.Count}).");
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            checkItem($"{field}[{i}]", items[i]);
        }
    }
}
