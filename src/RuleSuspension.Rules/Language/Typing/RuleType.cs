using System.Text.Json;

namespace RuleSuspension.Rules.Language.Typing;

internal enum TypeKind { Error, Null, Number, Integer, String, Boolean, Date, DateTime, Duration, List, Map, Object, Json }

/// <summary>
/// A type of the rule language. Runtime representations: number = decimal, integer = int, boolean = bool,
/// date = DateOnly, datetime = DateTimeOffset, duration = TimeSpan, list = IReadOnlyList, map = IReadOnlyDictionary
/// keyed by string, json = JsonElement (Undefined and Null kinds stand for null). A nullable value type is
/// represented as Nullable&lt;T&gt;.
/// </summary>
internal sealed class RuleType
{
    public static readonly RuleType Error = new(TypeKind.Error, false);
    public static readonly RuleType Null = new(TypeKind.Null, true);
    public static readonly RuleType Number = new(TypeKind.Number, false);
    public static readonly RuleType Integer = new(TypeKind.Integer, false);
    public static readonly RuleType String = new(TypeKind.String, false);
    public static readonly RuleType Boolean = new(TypeKind.Boolean, false);
    public static readonly RuleType Date = new(TypeKind.Date, false);
    public static readonly RuleType DateTime = new(TypeKind.DateTime, false);
    public static readonly RuleType Duration = new(TypeKind.Duration, false);
    public static readonly RuleType Json = new(TypeKind.Json, false);

    private Type? _clrType;

    private RuleType(TypeKind kind, bool nullable, RuleType? element = null, ObjectSchema? schema = null)
    {
        Kind = kind;
        IsNullable = nullable;
        Element = element;
        Schema = schema;
    }

    public TypeKind Kind { get; }
    public bool IsNullable { get; }
    /// <summary>Element type of a list, value type of a map.</summary>
    public RuleType? Element { get; }
    public ObjectSchema? Schema { get; }

    public static RuleType ListOf(RuleType element) => new(TypeKind.List, false, element.NonNullable());
    public static RuleType MapOf(RuleType value) => new(TypeKind.Map, false, value.NonNullable());
    public static RuleType ObjectOf(ObjectSchema schema) => new(TypeKind.Object, false, schema: schema);

    public bool IsError => Kind == TypeKind.Error;
    public bool IsNumeric => Kind is TypeKind.Number or TypeKind.Integer;
    public bool IsScalar => Kind is TypeKind.Number or TypeKind.Integer or TypeKind.String or TypeKind.Boolean
        or TypeKind.Date or TypeKind.DateTime or TypeKind.Duration or TypeKind.Json or TypeKind.Null;
    /// <summary>True when the CLR representation is a value type (nullable ones become Nullable&lt;T&gt;).</summary>
    public bool IsValueType => Kind is TypeKind.Number or TypeKind.Integer or TypeKind.Boolean or TypeKind.Date
        or TypeKind.DateTime or TypeKind.Duration;

    public RuleType Nullable() =>
        IsNullable || Kind is TypeKind.Error or TypeKind.Json ? this : new RuleType(Kind, true, Element, Schema);

    public RuleType NonNullable() =>
        !IsNullable || Kind == TypeKind.Null ? this : new RuleType(Kind, false, Element, Schema);

    public RuleType WithNullability(bool nullable) => nullable ? Nullable() : NonNullable();

    /// <summary>Same type, ignoring nullability.</summary>
    public bool SameAs(RuleType other) =>
        Kind == other.Kind
        && (Element is null ? other.Element is null : other.Element is not null && Element.SameAs(other.Element))
        && Schema == other.Schema;

    public Type ClrType => _clrType ??= ComputeClrType();

    private Type ComputeClrType()
    {
        var core = Kind switch
        {
            TypeKind.Number => typeof(decimal),
            TypeKind.Integer => typeof(int),
            TypeKind.Boolean => typeof(bool),
            TypeKind.Date => typeof(DateOnly),
            TypeKind.DateTime => typeof(DateTimeOffset),
            TypeKind.Duration => typeof(TimeSpan),
            TypeKind.String => typeof(string),
            TypeKind.Json => typeof(JsonElement),
            TypeKind.List => typeof(IReadOnlyList<>).MakeGenericType(Element!.ClrType),
            TypeKind.Map => typeof(IReadOnlyDictionary<,>).MakeGenericType(typeof(string), Element!.ClrType),
            TypeKind.Object => Schema!.ClrType,
            _ => typeof(object),
        };
        return IsNullable && IsValueType ? typeof(Nullable<>).MakeGenericType(core) : core;
    }

    public override string ToString()
    {
        var name = Kind switch
        {
            TypeKind.List => $"list<{Element}>",
            TypeKind.Map => $"map<string,{Element}>",
            TypeKind.Object => Schema!.Name,
            TypeKind.DateTime => "datetime",
            _ => Kind.ToString().ToLowerInvariant(),
        };
        return name;
    }
}
