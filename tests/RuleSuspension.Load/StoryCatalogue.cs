namespace RuleSuspension.Load;

/// <summary>
/// Draws customer stories from all six event types with the shipped workflows' outcomes known in advance. Ids are
/// ordinary route-safe strings, timestamps are current (taken when the story is drawn, as a host stamps its events),
/// and every customer signs up exactly once, first.
/// </summary>
internal sealed class StoryCatalogue(string run, int seed)
{
    private static readonly string[] Kinds =
    [
        "verified-pays-invoice", "unverified-then-verified", "plan-change-free-overdue-invoice",
        "plan-change-needs-approval", "crm-deactivated", "unverified-then-everything",
    ];

    private const string SuspendingStage = "Deactivate Account";

    private readonly Random _random = new(seed);
    private int _customers;

    public int Drawn => _customers;

    public Story Next()
    {
        var n = ++_customers;
        var customerId = $"cust-{run}-{n}";
        var events = new StoryEvents(customerId);
        var kind = Kinds[_random.Next(Kinds.Length)];
        switch (kind)
        {
            case "verified-pays-invoice":
                events.SignUp(verified: true).InvoiceIssued("inv-1", daysOverdue: 0).InvoicePaid("inv-1");
                return new Story(kind, customerId, events.List, ExpectedEndState.Active);
            case "unverified-then-verified":
                // Identity verified after the suspension must not lift it: lifting is a person's act.
                events.SignUp(verified: false).IdentityVerified();
                return new Story(kind, customerId, events.List, ExpectedEndState.SuspendedFor("identity-check"));
            case "plan-change-free-overdue-invoice":
                // An overdue invoice is for the scheduled check, not for the event: the customer stays active.
                events.SignUp(verified: true).PlanChanged(requiresApproval: false).InvoiceIssued("inv-1", daysOverdue: 45);
                return new Story(kind, customerId, events.List, ExpectedEndState.Active);
            case "plan-change-needs-approval":
                events.SignUp(verified: true).PlanChanged(requiresApproval: true);
                return new Story(kind, customerId, events.List, ExpectedEndState.SuspendedFor("plan-approval"));
            case "crm-deactivated":
                events.SignUp(verified: true).Opportunity("opp-1", "Negotiation").Opportunity("opp-2", SuspendingStage);
                return new Story(kind, customerId, events.List, ExpectedEndState.SuspendedFor("crm"));
            default:
                // Three reasons to suspend, one suspension: the first one stands.
                events.SignUp(verified: false).PlanChanged(requiresApproval: true).Opportunity("opp-1", SuspendingStage).IdentityVerified();
                return new Story(kind, customerId, events.List, ExpectedEndState.SuspendedFor("identity-check"));
        }
    }

    /// <summary>Builds one customer's events in order, each with its own id.</summary>
    private sealed class StoryEvents(string customerId)
    {
        private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;

        public List<TrafficEvent> List { get; } = [];

        public StoryEvents SignUp(bool verified) => Add("customer.signed-up", new
        {
            customer = new
            {
                name = "Customer " + customerId,
                email = $"{customerId}@example.com",
                tenantId = "t-load",
                planId = "starter",
                identityVerified = verified,
                tags = Array.Empty<string>(),
                accountManagers = Array.Empty<string>(),
            },
        });

        public StoryEvents PlanChanged(bool requiresApproval) => Add("customer.plan-changed", new
        {
            fromPlanId = "starter",
            toPlan = requiresApproval
                ? new { id = "enterprise", name = "Enterprise", requiresApproval = true }
                : new { id = "pro", name = "Pro", requiresApproval = false },
        });

        public StoryEvents Opportunity(string opportunityId, string stage) => Add("crm.opportunity-added", new
        {
            opportunityId = $"{customerId}-{opportunityId}",
            boardId = "board-sales",
            boardName = "Sales",
            stage,
            value = 1200m,
        });

        public StoryEvents InvoiceIssued(string invoiceId, int daysOverdue)
        {
            var due = _now.UtcDateTime.Date.AddDays(daysOverdue > 0 ? -daysOverdue : 14);
            return Add("invoice.issued", new
            {
                invoiceId = $"{customerId}-{invoiceId}",
                amount = 49.90m,
                currency = "EUR",
                issuedAt = due.AddDays(-14).ToString("yyyy-MM-dd"),
                dueDate = due.ToString("yyyy-MM-dd"),
            });
        }

        public StoryEvents InvoicePaid(string invoiceId) => Add("invoice.paid", new { invoiceId = $"{customerId}-{invoiceId}", paidAt = _now });

        public StoryEvents IdentityVerified() => Add("identity.verified", new { });

        private StoryEvents Add(string type, object data)
        {
            List.Add(new TrafficEvent($"{customerId}-e{List.Count + 1}", type, customerId, _now, data));
            return this;
        }
    }
}
