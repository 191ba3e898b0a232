using System.Linq.Expressions;
using System.Reflection;

namespace RuleSuspension.Rules.Language.Typing;

/// <summary>A member a rule can read: its camelCase name, its type and how to read it from the CLR object.</summary>
internal sealed record SchemaMember(string Name, RuleType Type, Func<Expression, Expression> Read);

/// <summary>
/// The explicit allow-list of members of one fact type. Only members listed here can be reached from a rule;
/// nothing is discovered by reflection at rule-compile time.
/// </summary>
internal sealed class ObjectSchema(string name, Type clrType)
{
    private readonly Dictionary<string, SchemaMember> _members = new(StringComparer.Ordinal);

    public string Name { get; } = name;
    public Type ClrType { get; } = clrType;
    public IEnumerable<SchemaMember> Members => _members.Values;

    public ObjectSchema Property(string name, RuleType type, string clrProperty)
    {
        var property = ClrType.GetProperty(clrProperty, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{ClrType.Name} has no property {clrProperty}");
        _members.Add(name, new SchemaMember(name, type, target => Expression.Property(target, property)));
        return this;
    }

    public ObjectSchema Computed(string name, RuleType type, Func<Expression, Expression> read)
    {
        _members.Add(name, new SchemaMember(name, type, read));
        return this;
    }

    public SchemaMember? Find(string name) => _members.GetValueOrDefault(name);
}
