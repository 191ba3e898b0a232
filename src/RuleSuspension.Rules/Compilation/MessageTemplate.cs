using System.Linq.Expressions;
using RuleSuspension.Rules.Language.Lexing;
using RuleSuspension.Rules.Language.Parsing;
using RuleSuspension.Rules.Language.Typing;

namespace RuleSuspension.Rules.Compilation;

/// <summary>
/// A message with interpolated expressions: <c>"Overdue {facts.overdueBalance} for {customer.name}"</c>.
/// <c>{{</c> and <c>}}</c> stand for literal braces. Each hole is parsed, type-checked and compiled like a condition.
/// </summary>
internal sealed class MessageTemplate
{
    private readonly List<(string? Text, SyntaxNode? Hole, int Offset)> _parts = [];

    private MessageTemplate(string source) => Source = source;

    public string Source { get; }
    public bool IsConstant => _parts.All(p => p.Hole is null);
    public string ConstantText => string.Concat(_parts.Select(p => p.Text));
    public IEnumerable<SyntaxNode> Holes => _parts.Where(p => p.Hole is not null).Select(p => p.Hole!);

    /// <summary>Parses a template; syntax errors are added to <paramref name="diagnostics"/> with positions in the message.</summary>
    public static MessageTemplate Parse(string source, List<Diagnostic> diagnostics)
    {
        var template = new MessageTemplate(source);
        if (source.Length > RuleLimits.MaxExpressionLength)
        {
            // Every hole becomes a piece of one concatenation: the message's length bounds their number.
            diagnostics.Add(new Diagnostic(PositionAt(source, RuleLimits.MaxExpressionLength),
                $"the message is {source.Length:N0} characters long; at most {RuleLimits.MaxExpressionLength:N0} are allowed"));
            return template;
        }
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '{' && i + 1 < source.Length && source[i + 1] == '{') { text.Append('{'); i++; continue; }
            if (c == '}' && i + 1 < source.Length && source[i + 1] == '}') { text.Append('}'); i++; continue; }
            if (c == '}')
            {
                diagnostics.Add(new Diagnostic(PositionAt(source, i), "unexpected '}' in message: write '}}' for a brace"));
                continue;
            }
            if (c != '{') { text.Append(c); continue; }

            var close = FindClose(source, i + 1);
            if (close < 0)
            {
                diagnostics.Add(new Diagnostic(PositionAt(source, i), "expected '}' to close the interpolation but found end of message"));
                break;
            }
            if (text.Length > 0) { template._parts.Add((text.ToString(), null, 0)); text.Clear(); }
            var start = i + 1;
            try
            {
                var hole = Parser.Parse(source[start..close]);
                template._parts.Add((null, hole, start));
            }
            catch (RuleSyntaxException e)
            {
                diagnostics.Add(new Diagnostic(PositionAt(source, start + e.Position.Offset), e.Message));
            }
            i = close;
        }
        if (text.Length > 0) template._parts.Add((text.ToString(), null, 0));
        return template;
    }

    /// <summary>The closing brace, skipping braces inside quoted strings.</summary>
    private static int FindClose(string source, int from)
    {
        char? quote = null;
        for (var i = from; i < source.Length; i++)
        {
            var c = source[i];
            if (quote is not null) { if (c == quote) quote = null; }
            else if (c is '\'' or '"') quote = c;
            else if (c == '}') return i;
        }
        return -1;
    }

    private static SourcePosition PositionAt(string source, int offset) => Lexer.PositionAt(source, offset);

    /// <summary>Binds the holes and builds the string-producing expression.</summary>
    public Expression Bind(BindingEnvironment environment, List<Diagnostic> diagnostics, HashSet<string> factsRead, HashSet<string>? rootsRead = null)
    {
        var pieces = new List<Expression>();
        foreach (var (text, hole, offset) in _parts)
        {
            if (hole is null) { pieces.Add(Expression.Constant(text)); continue; }
            var local = new List<Diagnostic>();
            var binder = new ExpressionBinder(Source[offset..], environment, local);
            var bound = binder.Bind(hole);
            factsRead.UnionWith(binder.FactsRead);
            rootsRead?.UnionWith(binder.RootsRead);
            // Positions inside the hole are relative to the hole; report them relative to the message.
            diagnostics.AddRange(local.Select(d => d with { Position = PositionAt(Source, offset + d.Position.Offset) }));
            if (!bound.IsError) pieces.Add(Format(bound));
        }
        return Concatenate(pieces);
    }

    private static Expression Format(Bound bound)
    {
        if (bound.Type.Kind == TypeKind.List)
            return Expression.Call(typeof(RuleRuntime).GetMethod(nameof(RuleRuntime.FormatList))!.MakeGenericMethod(bound.Type.Element!.ClrType), bound.Expression);
        if (bound.Type.Kind is TypeKind.Null) return Expression.Constant("");
        var method = typeof(RuleRuntime).GetMethod(nameof(RuleRuntime.Format), [bound.Expression.Type]);
        return method is null ? Expression.Constant($"<{bound.Type}>") : Expression.Call(method, bound.Expression);
    }

    private static Expression Concatenate(List<Expression> pieces)
    {
        if (pieces.Count == 0) return Expression.Constant("");
        if (pieces.Count == 1) return pieces[0];
        // Up to eight pieces in one call, so the message is the only string allocated; longer ones nest.
        var result = new List<Expression>(pieces);
        while (result.Count > 1)
        {
            var take = Math.Min(8, result.Count);
            var group = result.Take(take).ToArray();
            var method = take <= 4
                ? typeof(string).GetMethod(nameof(string.Concat), Enumerable.Repeat(typeof(string), take).ToArray())!
                : typeof(RuleRuntime).GetMethod(nameof(RuleRuntime.Concat), Enumerable.Repeat(typeof(string), take).ToArray())!;
            result.RemoveRange(0, take);
            result.Insert(0, Expression.Call(method, group));
        }
        return result[0];
    }
}
