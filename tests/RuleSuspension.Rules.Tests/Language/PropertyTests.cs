using System.Globalization;
using CsCheck;
using RuleSuspension.Rules.Language.Lexing;
using RuleSuspension.Rules.Language.Parsing;

namespace RuleSuspension.Rules.Tests.Language;

/// <summary>
/// Property-based specifications of the rule language (CsCheck): whatever text comes in, compiling it answers errors
/// or a condition, never an exception; and what the printer prints parses back to the same tree.
/// </summary>
public class PropertyTests
{
    private const int Iterations = 3_000;

    // ---- text generators ----

    /// <summary>Characters that mean something to the lexer, plus a few that do not.</summary>
    private static readonly Gen<string> RawText =
        Gen.Char["()[]{}.,+-*/%!=<>&|?'\"\\ \n\t0123456789-_adhmsxyzinotrulecv\u00e9\u200b\0"].Array[0, 80].Select(c => new string(c));

    private static readonly string[] Vocabulary =
    [
        "(", ")", "[", "]", ",", ".", "=>", "==", "!=", "<", "<=", ">", ">=", "&&", "||", "!", "+", "-", "*", "/", "%", "??",
        "and", "or", "not", "in", "true", "false", "null", "customer", "invoices", "event", "today", "now", "params", "facts",
        "i", "x", "any", "all", "count", "sum", "where", "min", "max", "contains", "addDays", "daysSince", "date", "abs", "round",
        "amount", "daysOverdue", "paid", "tags", "data", "name", "0", "1", "2147483648", "79228162514264337593543950335",
        "1.5", "30d", "12h", "99999999999d", "2026-01-31", "9999-12-31", "0001-01-01", "'a'", "'9999-12-31'", "\"b\"",
    ];

    /// <summary>Sequences of the language's own tokens: they get far deeper into the parser and binder than raw text.</summary>
    private static readonly Gen<string> TokenText =
        Gen.Int[0, Vocabulary.Length - 1].Array[1, 60].Select(ix => string.Join(" ", ix.Select(i => Vocabulary[i])));

    private static readonly string[] Openers =
        ["(", "!", "-", "not ", "[", "abs(", "x => ", "1 + ", "true && ", "false or ", "null ?? ", "customer.tags[", "i.x.", "invoices.any(i => "];

    /// <summary>One opener repeated up to the length limit, with or without its closers: the shapes that once overflowed the stack.</summary>
    private static readonly Gen<string> NestedText =
        Gen.Select(Gen.Int[0, Openers.Length - 1], Gen.Int[0, 3_000], Gen.Bool, (o, n, close) =>
        {
            var opener = Openers[o];
            var closer = opener.EndsWith('(') || opener.EndsWith("=> ") ? ")" : opener.EndsWith('[') ? "]" : "";
            var body = string.Concat(Enumerable.Repeat(opener, n)) + "1" + (close ? string.Concat(Enumerable.Repeat(closer, n)) : "");
            return body.Length > RuleLimits.MaxExpressionLength ? body[..RuleLimits.MaxExpressionLength] : body;
        });

    // ---- tree generator (from the grammar) ----

    private static readonly string[] Names = ["customer", "invoices", "i", "x", "today", "amount", "tags", "f"];
    private static readonly string[] MemberNames = ["amount", "name", "paid", "tags", "in", "not", "null", "x"];
    private static readonly TokenKind[] BinaryOperators =
    [
        TokenKind.PipePipe, TokenKind.AmpAmp, TokenKind.EqualEqual, TokenKind.BangEqual, TokenKind.Less, TokenKind.LessEqual,
        TokenKind.Greater, TokenKind.GreaterEqual, TokenKind.QuestionQuestion, TokenKind.Plus, TokenKind.Minus, TokenKind.Star,
        TokenKind.Slash, TokenKind.Percent,
    ];

    private static readonly Gen<SyntaxNode> Leaf = Gen.OneOf<SyntaxNode>(
        Gen.Decimal[0m, 1_000_000m].Select(d => (SyntaxNode)new LiteralSyntax(decimal.Round(d, 3), TokenKind.Number, default, 0)),
        Gen.String[Gen.Char["ab'\"\\\n\t z"], 0, 6].Select(s => (SyntaxNode)new LiteralSyntax(s, TokenKind.String, default, 0)),
        Gen.Int[1, 3_652_058].Select(n => (SyntaxNode)new LiteralSyntax(DateOnly.FromDayNumber(n), TokenKind.Date, default, 0)),
        Gen.Int[0, 100_000].Select(n => (SyntaxNode)new LiteralSyntax(TimeSpan.FromMinutes(n), TokenKind.Duration, default, 0)),
        Gen.Bool.Select(b => (SyntaxNode)new LiteralSyntax(b, TokenKind.True, default, 0)),
        Gen.Const<SyntaxNode>(new LiteralSyntax(null, TokenKind.Null, default, 0)),
        Gen.OneOf(Names).Select(n => (SyntaxNode)new IdentifierSyntax(n, default, 0)));

    private static Gen<SyntaxNode> Tree(int depth)
    {
        if (depth == 0) return Leaf;
        var child = Tree(depth - 1);
        var children = child.List[0, 3];
        return Gen.Frequency<SyntaxNode>(
            (3, Leaf),
            (4, Gen.Select(Gen.OneOf(BinaryOperators), child, child,
                (op, l, r) => (SyntaxNode)new BinarySyntax(op, l, r, default, default, 0))),
            (1, Gen.Select(Gen.Bool, child, child, (negated, v, l) => (SyntaxNode)new InSyntax(v, l, negated, default, default, 0))),
            (2, Gen.Select(Gen.Bool, child, (minus, o) => (SyntaxNode)new UnarySyntax(minus ? TokenKind.Minus : TokenKind.Bang, o, default, 0))),
            (2, Gen.Select(child, Gen.OneOf(MemberNames), (t, n) => (SyntaxNode)new MemberSyntax(t, n, default, default, 0))),
            (1, Gen.Select(child, child, (t, i) => (SyntaxNode)new IndexSyntax(t, i, default, 0))),
            (1, Gen.Select(Gen.OneOf(Names), children,
                (n, args) => (SyntaxNode)new CallSyntax(null, n, default, args, default, 0))),
            (1, Gen.Select(child, Gen.OneOf(MemberNames), children,
                (t, n, args) => (SyntaxNode)new CallSyntax(t, n, default, args, default, 0))),
            (1, Gen.Select(Gen.OneOf("i", "x"), child, (p, b) => (SyntaxNode)new LambdaSyntax(p, b, default, 0))),
            (1, children.Select(items => (SyntaxNode)new ListSyntax(items, default, 0))));
    }

    private static readonly Gen<SyntaxNode> Trees = Tree(6);

    /// <summary>The tree's structure without positions, fully parenthesised: equal shapes are equal trees.</summary>
    private static string Shape(SyntaxNode node) => node switch
    {
        LiteralSyntax { Value: decimal d } => d.ToString(CultureInfo.InvariantCulture),
        LiteralSyntax { Value: string s } => "'" + s.Replace("\\", "\\\\").Replace("'", "\\'") + "'",
        LiteralSyntax { Value: TimeSpan t } => t.Ticks + "t",
        LiteralSyntax { Value: DateOnly date } => "@" + date.DayNumber,
        LiteralSyntax { Value: bool b } => b ? "true" : "false",
        LiteralSyntax => "null",
        IdentifierSyntax id => id.Name,
        MemberSyntax m => $"(. {Shape(m.Target)} {m.Name})",
        IndexSyntax ix => $"([] {Shape(ix.Target)} {Shape(ix.Index)})",
        CallSyntax c => $"(call {(c.Target is null ? "-" : Shape(c.Target))} {c.Name} {string.Join(" ", c.Arguments.Select(Shape))})",
        LambdaSyntax l => $"(=> {l.Parameter} {Shape(l.Body)})",
        UnarySyntax u => $"({u.Operator} {Shape(u.Operand)})",
        BinarySyntax b => $"({b.Operator} {Shape(b.Left)} {Shape(b.Right)})",
        InSyntax i => $"({(i.Negated ? "not-in" : "in")} {Shape(i.Value)} {Shape(i.List)})",
        ListSyntax list => $"(list {string.Join(" ", list.Items.Select(Shape))})",
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    private static readonly Facts.FactSet Sample = TestFacts.FactsOf(
        invoices: [TestFacts.Overdue(40, decimal.MaxValue, "a"), TestFacts.Paid(5, 70m, "b")],
        @event: TestFacts.Event("customer.updated", """{"data":[1,"2",{"x":null}],"name":"n"}"""));

    /// <summary>
    /// Compiling must answer a condition or errors with positions, and a condition must evaluate to a value; the only
    /// failure evaluation may raise is the language's own (the budget), never a .NET exception it wraps.
    /// </summary>
    private static void CompilesOrReportsErrors(string source)
    {
        var compilation = RuleExpression.CompileCondition(source);
        Assert.True(compilation.Succeeded || compilation.Errors.Count > 0);
        Assert.All(compilation.Errors, e => Assert.True(e.Line >= 1 && e.Column >= 1, $"{e} has no position"));
        if (compilation.Condition is not { } condition) return;
        try
        {
            condition.Evaluate(Sample);
        }
        catch (RuleEvaluationException e) when (e.InnerException is null or RuleEvaluationException)
        {
        }
    }

    [Fact]
    public void Random_text_never_crashes_the_compiler() =>
        RawText.Sample(CompilesOrReportsErrors, iter: Iterations);

    [Fact]
    public void Random_token_sequences_never_crash_the_compiler() =>
        TokenText.Sample(CompilesOrReportsErrors, iter: Iterations);

    [Fact]
    public void Deeply_nested_text_never_crashes_the_compiler() =>
        NestedText.Sample(CompilesOrReportsErrors, iter: 500);

    [Fact]
    public void Printed_grammar_trees_never_crash_the_compiler() =>
        Trees.Sample(tree => CompilesOrReportsErrors(SyntaxPrinter.Print(tree)), iter: Iterations);

    [Fact]
    public void Printed_tree_parses_back_to_the_same_tree() =>
        Trees.Sample(tree =>
        {
            var printed = SyntaxPrinter.Print(tree);
            Assert.Equal(Shape(tree), Shape(Parser.Parse(printed)));
        }, iter: Iterations, print: SyntaxPrinter.Print);

    [Fact]
    public void Printing_a_parsed_expression_parses_back_to_the_same_tree() =>
        TokenText.Sample(source =>
        {
            SyntaxNode parsed;
            try { parsed = Parser.Parse(source); }
            catch (RuleSyntaxException) { return; }
            Assert.Equal(Shape(parsed), Shape(Parser.Parse(SyntaxPrinter.Print(parsed))));
        }, iter: Iterations);

    [Theory]
    [InlineData("a - (b - c)")]
    [InlineData("(a ?? b) ?? c")]
    [InlineData("-(a + b).x")]
    [InlineData("!(x => x)")]
    [InlineData("1 in ([1] in [true])")]
    [InlineData("customer.tags.any(t => t == 'it\\'s')")]
    public void Printer_keeps_the_parentheses_the_tree_needs(string source) =>
        Assert.Equal(source, SyntaxPrinter.Print(Parser.Parse(source)));
}
