namespace RuleSuspension.Rules.NRules;

/// <summary>
/// Describes a parameter of a code-defined rule set: finance sees the description and can set values within the
/// bounds. Without the attribute a property is still a parameter, unbounded and undescribed.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ParameterAttribute : Attribute
{
    private double? _min, _max;

    /// <summary>What the parameter means, for the people who edit it.</summary>
    public string? Description { get; set; }

    /// <summary>Inclusive lower bound of a number (or of each number of a list or map).</summary>
    public double Min { get => _min ?? double.NaN; set => _min = value; }

    /// <summary>Inclusive upper bound of a number (or of each number of a list or map).</summary>
    public double Max { get => _max ?? double.NaN; set => _max = value; }

    internal decimal? MinBound => _min is { } min ? (decimal)min : null;

    internal decimal? MaxBound => _max is { } max ? (decimal)max : null;
}
