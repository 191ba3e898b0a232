using System.Globalization;
using System.Text;
using RuleSuspension.Rules.Language.Lexing;

namespace RuleSuspension.Rules.Language.Parsing;

/// <summary>
/// Prints a syntax tree as expression text that parses back to the same tree, with only the parentheses the
/// precedence of <see cref="Parser"/> needs. Trees come from the parser, so their depth is bounded and recursion is safe.
/// </summary>
internal static class SyntaxPrinter
{
    // The parser's binding strengths: infix operators 1-7 (as Parser.Infix), then unary, postfix, primary.
    private const int Lambda = 0, Unary = 8, Postfix = 9, Primary = 10;

    public static string Print(SyntaxNode node)
    {
        var text = new StringBuilder();
        Write(text, node, 0);
        return text.ToString();
    }

    private static int Strength(SyntaxNode node) => node switch
    {
        BinarySyntax binary => Infix(binary.Operator),
        InSyntax => 4,
        UnarySyntax => Unary,
        MemberSyntax or IndexSyntax or CallSyntax => Postfix,
        LambdaSyntax => Lambda,
        _ => Primary,
    };

    private static int Infix(TokenKind op) => op switch
    {
        TokenKind.PipePipe => 1,
        TokenKind.AmpAmp => 2,
        TokenKind.EqualEqual or TokenKind.BangEqual => 3,
        TokenKind.Less or TokenKind.LessEqual or TokenKind.Greater or TokenKind.GreaterEqual => 4,
        TokenKind.QuestionQuestion => 5,
        TokenKind.Plus or TokenKind.Minus => 6,
        _ => 7,
    };

    /// <summary>Writes <paramref name="node"/>, in parentheses when it binds less tightly than <paramref name="context"/> requires.</summary>
    private static void Write(StringBuilder text, SyntaxNode node, int context)
    {
        var parenthesised = Strength(node) < context;
        if (parenthesised) text.Append('(');
        switch (node)
        {
            case LiteralSyntax literal:
                WriteLiteral(text, literal);
                break;
            case IdentifierSyntax identifier:
                text.Append(identifier.Name);
                break;
            case MemberSyntax member:
                Write(text, member.Target, Postfix);
                text.Append('.').Append(member.Name);
                break;
            case IndexSyntax index:
                Write(text, index.Target, Postfix);
                text.Append('[');
                Write(text, index.Index, 0);
                text.Append(']');
                break;
            case CallSyntax call:
                if (call.Target is not null)
                {
                    Write(text, call.Target, Postfix);
                    text.Append('.');
                }
                text.Append(call.Name).Append('(');
                WriteList(text, call.Arguments);
                text.Append(')');
                break;
            case LambdaSyntax lambda:
                text.Append(lambda.Parameter).Append(" => ");
                Write(text, lambda.Body, 0);
                break;
            case UnarySyntax unary:
                text.Append(unary.Operator == TokenKind.Minus ? "-" : "!");
                Write(text, unary.Operand, Unary);
                break;
            case BinarySyntax binary:
            {
                // Left-associative operators take an operand of their own strength on the left only; '??' on the right only.
                var strength = Infix(binary.Operator);
                var rightAssociative = binary.Operator == TokenKind.QuestionQuestion;
                Write(text, binary.Left, rightAssociative ? strength + 1 : strength);
                text.Append(' ').Append(Symbol(binary.Operator)).Append(' ');
                Write(text, binary.Right, rightAssociative ? strength : strength + 1);
                break;
            }
            case InSyntax @in:
                Write(text, @in.Value, 4);
                text.Append(@in.Negated ? " not in " : " in ");
                Write(text, @in.List, 5);
                break;
            case ListSyntax list:
                text.Append('[');
                WriteList(text, list.Items);
                text.Append(']');
                break;
        }
        if (parenthesised) text.Append(')');
    }

    private static void WriteList(StringBuilder text, IReadOnlyList<SyntaxNode> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0) text.Append(", ");
            Write(text, items[i], 0);
        }
    }

    private static void WriteLiteral(StringBuilder text, LiteralSyntax literal)
    {
        switch (literal.Value)
        {
            case null: text.Append("null"); break;
            case bool b: text.Append(b ? "true" : "false"); break;
            case decimal d: text.Append(d.ToString(CultureInfo.InvariantCulture)); break;
            case DateOnly date: text.Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case TimeSpan span: text.Append(Duration(span)); break;
            case string s:
                text.Append('\'');
                foreach (var c in s)
                    text.Append(c switch
                    {
                        '\n' => "\\n",
                        '\t' => "\\t",
                        '\\' => "\\\\",
                        '\'' => "\\'",
                        _ => c.ToString(),
                    });
                text.Append('\'');
                break;
        }
    }

    private static string Duration(TimeSpan span)
    {
        var ticks = span.Ticks;
        if (ticks % TimeSpan.TicksPerDay == 0) return $"{ticks / TimeSpan.TicksPerDay}d";
        if (ticks % TimeSpan.TicksPerHour == 0) return $"{ticks / TimeSpan.TicksPerHour}h";
        if (ticks % TimeSpan.TicksPerMinute == 0) return $"{ticks / TimeSpan.TicksPerMinute}m";
        return $"{(ticks / (decimal)TimeSpan.TicksPerSecond).ToString(CultureInfo.InvariantCulture)}s";
    }

    private static string Symbol(TokenKind op) => op switch
    {
        TokenKind.PipePipe => "||",
        TokenKind.AmpAmp => "&&",
        TokenKind.EqualEqual => "==",
        TokenKind.BangEqual => "!=",
        TokenKind.Less => "<",
        TokenKind.LessEqual => "<=",
        TokenKind.Greater => ">",
        TokenKind.GreaterEqual => ">=",
        TokenKind.QuestionQuestion => "??",
        TokenKind.Plus => "+",
        TokenKind.Minus => "-",
        TokenKind.Star => "*",
        TokenKind.Slash => "/",
        _ => "%",
    };
}
