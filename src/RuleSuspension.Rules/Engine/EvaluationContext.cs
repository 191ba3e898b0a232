using RuleSuspension.Rules.Facts;

namespace RuleSuspension.Rules.Engine;

/// <summary>A derived fact's storage; the type argument is the fact's nullable CLR type, so no boxing on assert.</summary>
internal abstract class FactCell
{
    public abstract void Reset();
    public abstract object? Boxed { get; }
}

internal sealed class FactCell<T> : FactCell
{
    /// <summary>default (null, or Undefined for json) means "not asserted".</summary>
    public T Value = default!;

    public override void Reset() => Value = default!;
    public override object? Boxed => Value;
}

/// <summary>
/// The mutable state of one evaluation. Compiled conditions and actions read the facts, parameters and derived
/// facts from it. Instances are pooled per compiled rule set and reused, so an evaluation allocates no state.
/// </summary>
internal sealed class EvaluationContext
{
    public const byte Unknown = 0, False = 1, True = 2;

    public FactSet Facts = null!;
    public object?[] Params = [];
    public readonly FactCell[] Cells;
    /// <summary>Cached value of each rule's condition; reset to <see cref="Unknown"/> when a fact it reads is asserted.</summary>
    public readonly byte[] ConditionState;
    public readonly bool[] Fired;
    public readonly string?[] Messages;
    /// <summary>What is left of the evaluation budget: each loop and list search takes its list's length.</summary>
    public int ItemsLeft;
    private readonly int[][] _dependents;

    // Explanation mode only: values of the terms of the condition being evaluated.
    public object?[] TermValues = [];
    public bool[] TermEvaluated = [];

    public EvaluationContext(FactCell[] cells, int ruleCount, int messageCount, int[][] dependents)
    {
        Cells = cells;
        ConditionState = new byte[ruleCount];
        Fired = new bool[ruleCount];
        Messages = new string?[messageCount];
        _dependents = dependents;
    }

    public void Begin(FactSet facts, object?[] parameters)
    {
        Facts = facts;
        Params = parameters;
        ItemsLeft = RuleLimits.MaxItemsPerEvaluation;
        foreach (var cell in Cells) cell.Reset();
        Array.Clear(ConditionState);
        Array.Clear(Fired);
    }

    public void End()
    {
        Facts = null!;
        Array.Clear(Messages);
        Array.Clear(TermValues);
    }

    /// <summary>Called by compiled assert actions: rules reading the fact must look at it again.</summary>
    public void Invalidate(int fact)
    {
        foreach (var rule in _dependents[fact]) ConditionState[rule] = Unknown;
    }

    public void ClearTerms(int count)
    {
        if (TermValues.Length < count)
        {
            TermValues = new object?[count];
            TermEvaluated = new bool[count];
        }
        Array.Clear(TermValues, 0, count);
        Array.Clear(TermEvaluated, 0, count);
    }
}
