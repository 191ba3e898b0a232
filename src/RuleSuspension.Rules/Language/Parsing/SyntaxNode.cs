using RuleSuspension.Rules.Language.Lexing;

namespace RuleSuspension.Rules.Language.Parsing;

/// <summary>A node of the parsed expression; <see cref="Start"/> and <see cref="EndOffset"/> delimit its source text.</summary>
internal abstract record SyntaxNode(SourcePosition Start, int EndOffset)
{
    /// <summary>Levels of the tree below and including this node (a leaf is 1); the parser sets it and bounds it.</summary>
    public int Depth { get; init; } = 1;
}

internal sealed record LiteralSyntax(object? Value, TokenKind Kind, SourcePosition Start, int EndOffset) : SyntaxNode(Start, EndOffset);

internal sealed record IdentifierSyntax(string Name, SourcePosition Start, int EndOffset) : SyntaxNode(Start, EndOffset);

/// <summary><c>target.name</c>; <see cref="NameStart"/> points at the name for error positions.</summary>
internal sealed record MemberSyntax(SyntaxNode Target, string Name, SourcePosition NameStart, SourcePosition Start, int EndOffset) : SyntaxNode(Start, EndOffset);

internal sealed record IndexSyntax(SyntaxNode Target, SyntaxNode Index, SourcePosition Start, int EndOffset) : SyntaxNode(Start, EndOffset);

/// <summary>A function call <c>name(args)</c> (<see cref="Target"/> null) or a method call <c>target.name(args)</c>.</summary>
internal sealed record CallSyntax(SyntaxNode? Target, string Name, SourcePosition NameStart, IReadOnlyList<SyntaxNode> Arguments, SourcePosition Start, int EndOffset) : SyntaxNode(Start, EndOffset);

internal sealed record LambdaSyntax(string Parameter, SyntaxNode Body, SourcePosition Start, int EndOffset) : SyntaxNode(Start, EndOffset);

internal sealed record UnarySyntax(TokenKind Operator, SyntaxNode Operand, SourcePosition Start, int EndOffset) : SyntaxNode(Start, EndOffset);

internal sealed record BinarySyntax(TokenKind Operator, SyntaxNode Left, SyntaxNode Right, SourcePosition OperatorStart, SourcePosition Start, int EndOffset) : SyntaxNode(Start, EndOffset);

/// <summary><c>x in list</c> or <c>x not in list</c>.</summary>
internal sealed record InSyntax(SyntaxNode Value, SyntaxNode List, bool Negated, SourcePosition OperatorStart, SourcePosition Start, int EndOffset) : SyntaxNode(Start, EndOffset);

internal sealed record ListSyntax(IReadOnlyList<SyntaxNode> Items, SourcePosition Start, int EndOffset) : SyntaxNode(Start, EndOffset);
