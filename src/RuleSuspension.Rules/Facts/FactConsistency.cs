using System.Globalization;

namespace RuleSuspension.Rules.Facts;

/// <summary>
/// What a fact set must satisfy before any rule sees it: one clock (each invoice computed as of the facts' today) and
/// invoices that agree with themselves (a paid invoice has nothing due and is not overdue). Both engines check it, so
/// facts built by hand or sent to the dry run cannot decide on a contradiction.
/// </summary>
public static class FactConsistency
{
    /// <summary>Every contradiction, with the path of the field (<c>$.invoices[2].amountDue</c>).</summary>
    public static IReadOnlyList<RuleError> Check(FactSet facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        List<RuleError>? errors = null;
        var invoices = facts.Invoices;
        for (var i = 0; i < invoices.Count; i++)
        {
            var invoice = invoices[i];
            if (IsConsistent(invoice, facts.Today)) continue;
            errors ??= [];
            var at = $"$.invoices[{i}]";
            if (invoice.ComputedAsOf is { } asOf && asOf != facts.Today)
                errors.Add(new RuleError($"{at}.computedAsOf", null, null, $"invoice '{invoice.Id}' was computed as of {Date(asOf)} but the facts' today is {Date(facts.Today)}: build both from one clock"));
            if (invoice.Paid && invoice.AmountDue != 0)
                errors.Add(new RuleError($"{at}.amountDue", null, null, $"invoice '{invoice.Id}' is paid but has {Number(invoice.AmountDue)} due"));
            if (invoice.Paid && invoice.DaysOverdue != 0)
                errors.Add(new RuleError($"{at}.daysOverdue", null, null, $"invoice '{invoice.Id}' is paid but {invoice.DaysOverdue} days overdue"));
            if (!invoice.Paid && invoice.PaidAt is not null)
                errors.Add(new RuleError($"{at}.paid", null, null, $"invoice '{invoice.Id}' has a payment date but is not paid"));
            if (invoice.DaysOverdue < 0)
                errors.Add(new RuleError($"{at}.daysOverdue", null, null, $"invoice '{invoice.Id}' is {invoice.DaysOverdue} days overdue; the least is 0"));
            if (invoice.AmountDue < 0 || (invoice.Amount >= 0 && invoice.AmountDue > invoice.Amount))
                errors.Add(new RuleError($"{at}.amountDue", null, null, $"invoice '{invoice.Id}' has {Number(invoice.AmountDue)} due of an amount of {Number(invoice.Amount)}"));
        }
        return (IReadOnlyList<RuleError>?)errors ?? [];
    }

    /// <exception cref="RuleEvaluationException">The facts contradict themselves.</exception>
    internal static void ThrowIfInconsistent(FactSet facts, string ruleSet)
    {
        // The common case costs a few comparisons per invoice and allocates nothing.
        var invoices = facts.Invoices;
        for (var i = 0; i < invoices.Count; i++)
        {
            if (!IsConsistent(invoices[i], facts.Today))
                throw new RuleEvaluationException($"rule set '{ruleSet}' was given inconsistent facts: {string.Join("; ", Check(facts).Select(e => $"{e.Path}: {e.Message}"))}");
        }
    }

    private static bool IsConsistent(InvoiceFact invoice, DateOnly today)
        => (invoice.ComputedAsOf is null || invoice.ComputedAsOf == today)
           && (!invoice.Paid || (invoice.AmountDue == 0 && invoice.DaysOverdue == 0))
           && (invoice.Paid || invoice.PaidAt is null)
           && invoice.DaysOverdue >= 0
           && invoice.AmountDue >= 0 && (invoice.Amount < 0 || invoice.AmountDue <= invoice.Amount);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
