using RuleSuspension.Rules.Language.Parsing;

namespace RuleSuspension.Rules.Compilation;

/// <summary>Questions about syntax trees asked before binding.</summary>
internal static class SyntaxFacts
{
    /// <summary>Names read as <c>facts.name</c> anywhere in the tree (lambdas included).</summary>
    public static IEnumerable<string> FactReferences(SyntaxNode node)
    {
        var stack = new Stack<SyntaxNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case MemberSyntax { Target: IdentifierSyntax { Name: "facts" } } member:
                    yield return member.Name;
                    break;
                case MemberSyntax member: stack.Push(member.Target); break;
                case IndexSyntax index: stack.Push(index.Target); stack.Push(index.Index); break;
                case CallSyntax call:
                    if (call.Target is not null) stack.Push(call.Target);
                    foreach (var argument in call.Arguments) stack.Push(argument);
                    break;
                case LambdaSyntax lambda: stack.Push(lambda.Body); break;
                case UnarySyntax unary: stack.Push(unary.Operand); break;
                case BinarySyntax binary: stack.Push(binary.Left); stack.Push(binary.Right); break;
                case InSyntax @in: stack.Push(@in.Value); stack.Push(@in.List); break;
                case ListSyntax list: foreach (var item in list.Items) stack.Push(item); break;
            }
        }
    }

    public static bool IsCamelCaseIdentifier(string? name) =>
        !string.IsNullOrEmpty(name) && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
