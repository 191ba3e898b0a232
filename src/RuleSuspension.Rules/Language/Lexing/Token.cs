namespace RuleSuspension.Rules.Language.Lexing;

internal enum TokenKind
{
    End, Number, String, Date, Duration, Identifier,
    True, False, Null, And, Or, Not, In,
    LeftParen, RightParen, LeftBracket, RightBracket, Comma, Dot, Arrow,
    EqualEqual, BangEqual, Less, LessEqual, Greater, GreaterEqual,
    AmpAmp, PipePipe, Bang, Plus, Minus, Star, Slash, Percent, QuestionQuestion,
}

/// <summary>A 1-based line and column plus the 0-based offset into the source.</summary>
internal readonly record struct SourcePosition(int Offset, int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}

/// <summary><paramref name="Value"/> holds the literal's value: decimal, string, DateOnly or TimeSpan.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, SourcePosition Start, int EndOffset, object? Value = null)
{
    /// <summary>How an error message names this token.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "'end of expression'",
        TokenKind.String => $"string {Text}",
        _ => $"'{Text}'",
    };
}

/// <summary>A syntax error at a position; the parser stops at the first one of an expression.</summary>
internal sealed class RuleSyntaxException(string message, SourcePosition position) : Exception(message)
{
    public SourcePosition Position { get; } = position;
}
