namespace RuleSuspension.Application;

/// <summary>Input that fails validation, with every error keyed by the field (a JSON path such as <c>data.customer.email</c>).</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The request is not valid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>Collects validation errors by field, then throws them all at once.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    /// <summary>How many fields have errors.</summary>
    public int Count => _errors.Count;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    /// <summary>Records <paramref name="problem"/> (a sentence after the field's name) when there is one.</summary>
    public void Check(string field, string? problem)
    {
        if (problem is not null)
        {
            Add(field, problem);
        }
    }

    /// <summary>Records why <paramref name="id"/> is not a good id (<see cref="InputLimits.IdProblem"/>).</summary>
    public void CheckId(string field, string? id) => Check(field, InputLimits.IdProblem(id));

    /// <summary>Records why an optional text is refused: too long, or with control characters.</summary>
    public void CheckText(string field, string? text, int max)
    {
        if (text is not null)
        {
            Check(field, InputLimits.TextProblem(text, max));
        }
    }

    /// <summary>Hands every error to FluentValidation (<see cref="Pipeline.CommandValidator{TCommand}"/>).</summary>
    public void CopyTo<T>(FluentValidation.ValidationContext<T> context)
    {
        foreach (var (field, messages) in _errors)
        {
            foreach (var message in messages)
            {
                context.AddFailure(field, message);
            }
        }
    }

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new RequestValidationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }
}
