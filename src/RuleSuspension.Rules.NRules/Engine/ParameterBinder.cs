using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using RuleSuspension.Rules.Compilation;
using RuleSuspension.Rules.Language.Typing;

namespace RuleSuspension.Rules.NRules.Engine;

/// <summary>
/// A code-defined set's parameters record: its properties declared as the language declares parameters (type,
/// default, bounds, description), and finance's JSON values checked and converted by the language's own codec into
/// an instance of the record, once per <see cref="ParameterValues"/> instance.
/// </summary>
internal sealed class ParameterBinder
{
    private readonly Type _type;
    private readonly PropertyInfo[] _properties;
    private readonly RuleType[] _types;
    private readonly ParameterDefinition[] _definitions;
    private readonly object?[] _defaults;
    private readonly object _defaultInstance;
    private readonly ConditionalWeakTable<ParameterValues, object> _resolved = new();

    private ParameterBinder(Type type, PropertyInfo[] properties, RuleType[] types, ParameterDefinition[] definitions, object?[] defaults, object defaultInstance)
    {
        _type = type;
        _properties = properties;
        _types = types;
        _definitions = definitions;
        _defaults = defaults;
        _defaultInstance = defaultInstance;
    }

    public IReadOnlyList<ParameterDefinition> Definitions => _definitions;

    /// <summary>Reads the declarations; the problems (unsupported types, unreadable defaults) are returned, not thrown.</summary>
    public static ParameterBinder? Declare(Type type, List<string> problems)
    {
        if (type.GetConstructor(Type.EmptyTypes) is null)
        {
            problems.Add($"parameters type '{type.FullName}' has no public parameterless constructor");
            return null;
        }
        var instance = Activator.CreateInstance(type)!;
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .ToArray();
        var types = new RuleType[properties.Length];
        var definitions = new ParameterDefinition[properties.Length];
        var defaults = new object?[properties.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            var property = properties[i];
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var typeName = TypeName(property.PropertyType);
            var ruleType = typeName is null ? null : RuleTypeParser.Parse(typeName);
            if (ruleType is null || ruleType.ClrType != property.PropertyType)
            {
                problems.Add($"parameter '{name}' of '{type.Name}' has type '{property.PropertyType.Name}'; parameters are int, decimal, string, bool, DateOnly, DateTimeOffset, TimeSpan, IReadOnlyList<T> or IReadOnlyDictionary<string, T> of those");
                continue;
            }
            var attribute = property.GetCustomAttribute<ParameterAttribute>();
            var value = property.GetValue(instance);
            var definition = new ParameterDefinition
            {
                Name = name, Type = typeName!, Default = DefaultJson(value), Min = attribute?.MinBound, Max = attribute?.MaxBound, Description = attribute?.Description,
            };
            var errors = new List<string>();
            if (!ParameterCodec.TryConvert(definition, ruleType, definition.Default!.Value, errors, out var converted))
                problems.AddRange(errors.Select(e => $"the default of parameter '{name}' of '{type.Name}' is refused: {e}"));
            types[i] = ruleType;
            definitions[i] = definition;
            defaults[i] = converted;
        }
        return problems.Count > 0 ? null : new ParameterBinder(type, properties, types, definitions, defaults, instance);
    }

    public IReadOnlyList<RuleError> Validate(ParameterValues values)
    {
        var errors = new List<RuleError>();
        Convert(values, errors);
        return errors;
    }

    /// <summary>The parameters fact for an evaluation: the defaults, or the defaults with <paramref name="values"/> on top.</summary>
    public object Resolve(ParameterValues? values)
    {
        if (values is null || values.Values.Count == 0) return _defaultInstance;
        if (_resolved.TryGetValue(values, out var resolved)) return resolved;
        var errors = new List<RuleError>();
        var converted = Convert(values, errors);
        if (errors.Count > 0)
            throw new RuleEvaluationException($"invalid parameter values for a code-defined rule set: {string.Join("; ", errors.Select(e => e.Message))}");
        var instance = Activator.CreateInstance(_type)!;
        for (var i = 0; i < _properties.Length; i++) _properties[i].SetValue(instance, converted[i]);
        _resolved.AddOrUpdate(values, instance);
        return instance;
    }

    private object?[] Convert(ParameterValues values, List<RuleError> errors)
    {
        var converted = (object?[])_defaults.Clone();
        foreach (var (name, value) in values.Values)
        {
            var index = Array.FindIndex(_definitions, d => d.Name == name);
            if (index < 0)
            {
                errors.Add(new RuleError($"$.parameters.{name}", null, null, $"there is no parameter '{name}'"));
                continue;
            }
            var problems = new List<string>();
            if (ParameterCodec.TryConvert(_definitions[index], _types[index], value, problems, out var result)) converted[index] = result;
            errors.AddRange(problems.Select(p => new RuleError($"$.parameters.{name}", null, null, p)));
        }
        return converted;
    }

    private static string? TypeName(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            return TypeName(type.GetGenericArguments()[0]) is { } element ? $"list<{element}>" : null;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) && type.GetGenericArguments()[0] == typeof(string))
            return TypeName(type.GetGenericArguments()[1]) is { } element ? $"map<string,{element}>" : null;
        return type == typeof(int) ? "integer"
            : type == typeof(decimal) ? "number"
            : type == typeof(string) ? "string"
            : type == typeof(bool) ? "boolean"
            : type == typeof(DateOnly) ? "date"
            : type == typeof(DateTimeOffset) ? "datetime"
            : type == typeof(TimeSpan) ? "duration"
            : null;
    }

    /// <summary>Defaults are written as finance writes values; durations in the language's syntax (30d, 12h).</summary>
    private static JsonElement DefaultJson(object? value) => value switch
    {
        TimeSpan span => JsonSerializer.SerializeToElement(RuleRuntime.Format(span)),
        IEnumerable<TimeSpan> spans => JsonSerializer.SerializeToElement(spans.Select(RuleRuntime.Format)),
        _ => JsonSerializer.SerializeToElement(value, value?.GetType() ?? typeof(object)),
    };
}
