using RuleSuspension.Rules.Language.Lexing;

namespace RuleSuspension.Rules.Language.Parsing;

/// <summary>
/// Recursive-descent parser with precedence climbing for binary operators. Lowest to highest:
/// <c>|| or</c>, <c>&amp;&amp; and</c>, <c>== !=</c>, <c>&lt; &lt;= &gt; &gt;= in</c>, <c>??</c>, <c>+ -</c>,
/// <c>* / %</c>, unary <c>! not -</c>, postfix <c>.member</c> <c>(args)</c> <c>[index]</c>.
/// Both the recursion and the depth of the tree it builds are bounded by <see cref="RuleLimits.MaxNestingDepth"/>,
/// so neither parsing nor anything that later recurses over the tree can exhaust the stack.
/// </summary>
internal sealed class Parser
{
    private readonly List<Token> _tokens;
    private int _index;
    private int _recursion;

    private Parser(List<Token> tokens) => _tokens = tokens;

    /// <summary>Parses a whole expression. Throws <see cref="RuleSyntaxException"/> at the first syntax error.</summary>
    public static SyntaxNode Parse(string source)
    {
        var parser = new Parser(Lexer.Tokenize(source));
        if (parser.Current.Kind == TokenKind.End)
            throw new RuleSyntaxException("expected an expression but found end of expression", parser.Current.Start);
        var expression = parser.ParseExpression(0);
        if (parser.Current.Kind != TokenKind.End)
            throw new RuleSyntaxException($"expected an operator or end of expression but found {parser.Current.Describe()}", parser.Current.Start);
        return expression;
    }

    private Token Current => _tokens[_index];
    private Token PeekToken(int ahead) => _tokens[Math.Min(_index + ahead, _tokens.Count - 1)];

    private Token Advance() => _tokens[_index++];

    private Token Expect(TokenKind kind, string what)
    {
        if (Current.Kind != kind)
            throw new RuleSyntaxException($"expected {what} but found {Current.Describe()} at {Current.Start}", Current.Start);
        return Advance();
    }

    private static (int Precedence, bool RightAssociative) Infix(TokenKind kind) => kind switch
    {
        TokenKind.PipePipe or TokenKind.Or => (1, false),
        TokenKind.AmpAmp or TokenKind.And => (2, false),
        TokenKind.EqualEqual or TokenKind.BangEqual => (3, false),
        TokenKind.Less or TokenKind.LessEqual or TokenKind.Greater or TokenKind.GreaterEqual or TokenKind.In => (4, false),
        TokenKind.QuestionQuestion => (5, true),
        TokenKind.Plus or TokenKind.Minus => (6, false),
        TokenKind.Star or TokenKind.Slash or TokenKind.Percent => (7, false),
        _ => (0, false),
    };

    private static string TooDeep =>
        $"the expression nests deeper than {RuleLimits.MaxNestingDepth} levels; split it (derived facts, 'in [...]') or remove parentheses";

    /// <summary>Enters one level of recursion; every recursive descent goes through here.</summary>
    private void Enter()
    {
        if (++_recursion > RuleLimits.MaxNestingDepth) throw new RuleSyntaxException(TooDeep, Current.Start);
    }

    /// <summary>Sets a new node's depth from its children's and refuses it past the limit.</summary>
    private static T Nested<T>(T node, SourcePosition at, params ReadOnlySpan<SyntaxNode?> children) where T : SyntaxNode
    {
        var deepest = 0;
        foreach (var child in children)
            if (child is not null && child.Depth > deepest) deepest = child.Depth;
        if (deepest + 1 > RuleLimits.MaxNestingDepth) throw new RuleSyntaxException(TooDeep, at);
        return node with { Depth = deepest + 1 };
    }

    private SyntaxNode ParseExpression(int minPrecedence)
    {
        Enter();
        var left = ParseUnary();
        while (true)
        {
            var op = Current;
            // "not in" is the only infix use of "not".
            var negatedIn = op.Kind == TokenKind.Not && PeekToken(1).Kind == TokenKind.In;
            var (precedence, rightAssociative) = negatedIn ? (4, false) : Infix(op.Kind);
            if (precedence == 0 || precedence <= minPrecedence) break;
            Advance();
            if (negatedIn) Advance();
            var right = ParseExpression(rightAssociative ? precedence - 1 : precedence);
            left = op.Kind is TokenKind.In || negatedIn
                ? Nested(new InSyntax(left, right, negatedIn, op.Start, left.Start, right.EndOffset), op.Start, left, right)
                : Nested(new BinarySyntax(Normalise(op.Kind), left, right, op.Start, left.Start, right.EndOffset), op.Start, left, right);
        }
        _recursion--;
        return left;
    }

    private static TokenKind Normalise(TokenKind kind) => kind switch
    {
        TokenKind.And => TokenKind.AmpAmp,
        TokenKind.Or => TokenKind.PipePipe,
        _ => kind,
    };

    private SyntaxNode ParseUnary()
    {
        var token = Current;
        if (token.Kind is TokenKind.Bang or TokenKind.Not or TokenKind.Minus)
        {
            Advance();
            Enter();
            var operand = ParseUnary();
            _recursion--;
            var kind = token.Kind == TokenKind.Minus ? TokenKind.Minus : TokenKind.Bang;
            return Nested(new UnarySyntax(kind, operand, token.Start, operand.EndOffset), token.Start, operand);
        }
        return ParsePostfix(ParsePrimary());
    }

    private SyntaxNode ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
            case TokenKind.String:
            case TokenKind.Date:
            case TokenKind.Duration:
                Advance();
                return new LiteralSyntax(token.Value, token.Kind, token.Start, token.EndOffset);
            case TokenKind.True:
            case TokenKind.False:
                Advance();
                return new LiteralSyntax(token.Kind == TokenKind.True, TokenKind.True, token.Start, token.EndOffset);
            case TokenKind.Null:
                Advance();
                return new LiteralSyntax(null, TokenKind.Null, token.Start, token.EndOffset);
            case TokenKind.Identifier:
                Advance();
                if (Current.Kind == TokenKind.Arrow)
                {
                    Advance();
                    var body = ParseExpression(0);
                    return Nested(new LambdaSyntax(token.Text, body, token.Start, body.EndOffset), token.Start, body);
                }
                return new IdentifierSyntax(token.Text, token.Start, token.EndOffset);
            case TokenKind.LeftParen:
                return ParseParenthesised();
            case TokenKind.LeftBracket:
                return ParseList();
            default:
                throw new RuleSyntaxException($"expected an expression but found {token.Describe()} at {token.Start}", token.Start);
        }
    }

    private SyntaxNode ParseParenthesised()
    {
        var open = Advance();
        // (x) => body
        if (Current.Kind == TokenKind.Identifier && PeekToken(1).Kind == TokenKind.RightParen && PeekToken(2).Kind == TokenKind.Arrow)
        {
            var name = Advance();
            Advance();
            Advance();
            var body = ParseExpression(0);
            return Nested(new LambdaSyntax(name.Text, body, open.Start, body.EndOffset), open.Start, body);
        }
        var inner = ParseExpression(0);
        var close = Expect(TokenKind.RightParen, "')'");
        return inner with { Start = open.Start, EndOffset = close.EndOffset };
    }

    private SyntaxNode ParseList()
    {
        var open = Advance();
        var items = new List<SyntaxNode>();
        if (Current.Kind != TokenKind.RightBracket)
        {
            do items.Add(ParseExpression(0));
            while (TryAdvance(TokenKind.Comma));
        }
        var close = Expect(TokenKind.RightBracket, "',' or ']'");
        return Nested(new ListSyntax(items, open.Start, close.EndOffset), open.Start, [.. items]);
    }

    private bool TryAdvance(TokenKind kind)
    {
        if (Current.Kind != kind) return false;
        Advance();
        return true;
    }

    private SyntaxNode ParsePostfix(SyntaxNode node)
    {
        while (true)
        {
            switch (Current.Kind)
            {
                case TokenKind.Dot:
                    Advance();
                    var name = Current;
                    if (name.Kind is not (TokenKind.Identifier or TokenKind.In or TokenKind.Not or TokenKind.And or TokenKind.Or or TokenKind.Null or TokenKind.True or TokenKind.False))
                        throw new RuleSyntaxException($"expected a member name after '.' but found {name.Describe()} at {name.Start}", name.Start);
                    Advance();
                    node = Nested(new MemberSyntax(node, name.Text, name.Start, node.Start, name.EndOffset), name.Start, node);
                    break;
                case TokenKind.LeftParen:
                    var open = Advance();
                    var arguments = new List<SyntaxNode>();
                    if (Current.Kind != TokenKind.RightParen)
                    {
                        do arguments.Add(ParseExpression(0));
                        while (TryAdvance(TokenKind.Comma));
                    }
                    var close = Expect(TokenKind.RightParen, "')'");
                    node = node switch
                    {
                        IdentifierSyntax id => Nested(new CallSyntax(null, id.Name, id.Start, arguments, node.Start, close.EndOffset), open.Start, [.. arguments]),
                        MemberSyntax member => Nested(new CallSyntax(member.Target, member.Name, member.NameStart, arguments, node.Start, close.EndOffset),
                            open.Start, [member.Target, .. arguments]),
                        _ => throw new RuleSyntaxException($"only functions and methods can be called, at {open.Start}", open.Start),
                    };
                    break;
                case TokenKind.LeftBracket:
                    Advance();
                    var index = ParseExpression(0);
                    var end = Expect(TokenKind.RightBracket, "']'");
                    node = Nested(new IndexSyntax(node, index, node.Start, end.EndOffset), end.Start, node, index);
                    break;
                default:
                    return node;
            }
        }
    }
}
