using static RuleSuspension.Rules.Tests.TestFacts;

namespace RuleSuspension.Rules.Tests.Engine;

public class AllocationTests
{
    private static long AllocatedBy(Action action)
    {
        action(); action(); // warm up: JIT, context pool
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void Evaluation_that_fires_nothing_allocates_nothing()
    {
        var set = ShippedSet("non-payment");
        var facts = FactsOf(customer: Customer(exempt: false), invoices: [Overdue(0), Overdue(3)]) with { };
        var noFiring = Compile([Rule("r", "invoices.any(i => i.daysOverdue > 100) && invoices.where(i => !i.paid).sum(i => i.amountDue) > 0")]);
        Assert.Equal(0, AllocatedBy(() => noFiring.Evaluate(facts)));
        Assert.NotNull(set);
    }

    [Fact]
    public void Evaluation_allocates_only_its_result_when_messages_are_constant()
    {
        var set = Compile([
            Rule("derive", "true", 10, AssertFact("balance", "invoices.where(i => i.daysOverdue > 0).sum(i => i.amountDue)")),
            Rule("suspend", "facts.balance > 10", 5, Suspend("non-payment", "constant")),
        ]);
        var facts = FactsOf(invoices: [Overdue(40), Overdue(3)]);
        // The decision, the fired-rules list and its backing array; fired-rule records are shared.
        Assert.InRange(AllocatedBy(() => set.Evaluate(facts)), 1, 200);
    }
}
