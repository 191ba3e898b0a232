using RuleSuspension.Domain.Access;
using static RuleSuspension.Server.Tests.BadInput.CorpusBodies;
using static RuleSuspension.Server.Tests.BadInput.CorpusServer;

namespace RuleSuspension.Server.Tests.BadInput;

/// <summary>One hostile or careless request and what the server must answer: the status and the field it names.</summary>
public sealed record BadRequestCase(string Name, Role Role, string Method, string Url, string? Body, int Status, string Field);

/// <summary>
/// The bad-input corpus (issue #10): for each field of each route, the wrong type, too long, out of range and odd
/// characters, plus the cases the issue found. A new route adds rows here, not tests.
/// </summary>
public static class BadInputCorpus
{
    private const int Invalid = 400;
    private const int Conflict = 409;

    private static readonly string TenThousand = new('x', 10_000);
    private static readonly string FiveThousand = new('r', 5_000);

    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    public static IReadOnlyList<BadRequestCase> Cases { get; } =
    [
        // Events: the envelope.
        Ev("event id with a slash", SignUpWith(eventId: "evt/1"), "id"),
        Ev("event id with NUL", SignUpWith(eventId: "evt\u00001"), "id"),
        Ev("event id of 10,000 characters", SignUpWith(eventId: TenThousand), "id"),
        Ev("event id with a space", SignUpWith(eventId: "evt 1"), "id"),
        Ev("customer id with a slash", SignUp("a/b"), "customerId"),
        Ev("customer id with NUL", SignUp("a\u0000b"), "customerId"),
        Ev("customer id of 10,000 characters", SignUp(TenThousand), "customerId"),
        Ev("customer id with a percent sign", SignUp("a%2Fb"), "customerId"),
        Ev("customer id with a zero-width space", SignUp("a\u200bb"), "customerId"),
        Ev("customer id '..'", SignUp(".."), "customerId"),
        Ev("customer id as a number", RawEvent("identity.verified", "x", "{}").Replace("\"customerId\":\"x\"", "\"customerId\":42"), "customerId"),
        Ev("occurredAt in year 9999", Event("identity.verified", B, new { }, occurredAt: "9999-12-31T00:00:00Z"), "occurredAt"),
        Ev("occurredAt in year 0001", Event("identity.verified", B, new { }, occurredAt: "0001-01-01T00:00:00Z"), "occurredAt"),
        Ev("occurredAt a day ahead", Event("identity.verified", B, new { }, occurredAt: Now.AddDays(1)), "occurredAt"),
        Ev("occurredAt as a number", Event("identity.verified", B, new { }, occurredAt: 5), "occurredAt"),
        Ev("data that is not an object", Event("identity.verified", B, "verified"), "data"),
        Ev("duplicate key in the envelope", "{\"id\":\"evt-dup-a\",\"id\":\"evt-dup-b\",\"type\":\"identity.verified\",\"occurredAt\":\"" + Now.ToString("O") + "\",\"customerId\":\"" + B + "\",\"data\":{}}", "id"),
        Ev("duplicate key inside data", RawEvent("customer.signed-up", "c-dup-key", "{\"customer\":{\"name\":\"One\",\"name\":\"Two\",\"email\":\"a@b.test\",\"tenantId\":\"t-1\"}}"), "data.customer.name"),
        Ev("JSON nested 100,000 deep", RawEvent("identity.verified", B, new string('[', 100_000) + new string(']', 100_000)), "data"),

        // Events: sign-up data.
        Ev("10,000 account managers", SignUp("c-many-managers", customer: Customer("c-many-managers", accountManagers: Enumerable.Range(0, 10_000).Select(i => $"am{i}@host.test").ToArray())), "data.customer.accountManagers"),
        Ev("101 tags", SignUp("c-many-tags", customer: Customer("c-many-tags", tags: Enumerable.Range(0, 101).Select(i => $"t{i}").ToArray())), "data.customer.tags"),
        Ev("a tag of 10,000 characters", SignUp("c-long-tag", customer: Customer("c-long-tag", tags: new[] { TenThousand })), "data.customer.tags[0]"),
        Ev("a name of 10,000 characters", SignUp("c-long-name", customer: Customer("c-long-name", name: TenThousand)), "data.customer.name"),
        Ev("a name with NUL", SignUp("c-nul-name", customer: Customer("c-nul-name", name: "Acme\u0000")), "data.customer.name"),
        Ev("an email of 1,000 characters", SignUp("c-long-email", customer: Customer("c-long-email", email: new string('e', 990) + "@host.test")), "data.customer.email"),
        Ev("an email without @", SignUp("c-no-at", customer: Customer("c-no-at", email: "nobody")), "data.customer.email"),
        Ev("a tenant id with a slash", SignUp("c-tenant-slash", customer: Customer("c-tenant-slash", tenantId: "t/1")), "data.customer.tenantId"),
        Ev("an account manager that is not an email", SignUp("c-bad-manager", customer: Customer("c-bad-manager", accountManagers: new[] { "bob" })), "data.customer.accountManagers[0]"),
        Ev("identityVerified as a string", RawEvent("customer.signed-up", "c-bool", "{\"customer\":{\"name\":\"N\",\"email\":\"a@b.test\",\"tenantId\":\"t-1\",\"identityVerified\":\"yes\"}}"), "data.customer.identityVerified"),
        Ev("a second sign-up of an existing customer", SignUp(B), "customerId", Conflict),

        // Events: the same id again.
        Ev("the same event id with another type", Event("identity.verified", B, new { }, id: SignUpOfB), "type", Conflict),
        Ev("the same event id for another customer", SignUp("c-other-than-b", eventId: SignUpOfB), "customerId", Conflict),

        // Events: invoices, plans, opportunities.
        Ev("an amount of 79228162514264337593543950335", RawEvent("invoice.issued", A, IssuedData(amount: "79228162514264337593543950335")), "data.amount"),
        Ev("an amount of 1e400", RawEvent("invoice.issued", A, IssuedData(amount: "1e400")), "data.amount"),
        Ev("a negative amount", RawEvent("invoice.issued", A, IssuedData(amount: "-5")), "data.amount"),
        Ev("an amount with six decimals", RawEvent("invoice.issued", A, IssuedData(amount: "1.123456")), "data.amount"),
        Ev("an amount as a string", RawEvent("invoice.issued", A, IssuedData(amount: "\"12\"")), "data.amount"),
        Ev("a due date in year 9999", RawEvent("invoice.issued", A, IssuedData(dueDate: "9999-12-31")), "data.dueDate"),
        Ev("an issue date in year 0001", RawEvent("invoice.issued", A, IssuedData(issuedAt: "0001-01-01")), "data.issuedAt"),
        Ev("a currency of four letters", RawEvent("invoice.issued", A, IssuedData(currency: "EURO")), "data.currency"),
        Ev("an invoice id with a slash", RawEvent("invoice.issued", A, IssuedData(invoiceId: "inv/1")), "data.invoiceId"),
        Ev("invoice.issued naming another customer's invoice", RawEvent("invoice.issued", B, IssuedData(invoiceId: InvoiceOfA, amount: "1")), "data.invoiceId", Conflict),
        Ev("invoice.paid naming another customer's invoice", Event("invoice.paid", B, new { invoiceId = InvoiceOfA, paidAt = Now }), "data.invoiceId", Conflict),
        Ev("invoice.paid in year 9999", Event("invoice.paid", A, new { invoiceId = InvoiceOfA, paidAt = "9999-12-31T00:00:00Z" }), "data.paidAt"),
        Ev("a plan id of 10,000 characters", Event("customer.plan-changed", A, new { toPlan = new { id = TenThousand, name = "Big" } }), "data.toPlan.id"),
        Ev("a plan name of 10,000 characters", Event("customer.plan-changed", A, new { toPlan = new { id = "p-1", name = TenThousand } }), "data.toPlan.name"),
        Ev("an opportunity value of 79228162514264337593543950335", RawEvent("crm.opportunity-added", A, "{\"opportunityId\":\"o-1\",\"boardId\":\"b-1\",\"stage\":\"New\",\"value\":79228162514264337593543950335}"), "data.value"),
        Ev("a CRM stage of 10,000 characters", Event("crm.opportunity-added", A, new { opportunityId = "o-1", boardId = "b-1", stage = TenThousand }), "data.stage"),
        Ev("an opportunity id with a question mark", Event("crm.opportunity-added", A, new { opportunityId = "o?1", boardId = "b-1", stage = "New" }), "data.opportunityId"),

        // Customers.
        Put("customer id with an encoded slash", Role.Integration, "/api/customers/a%2Fb", Json(Customer("x")), "id"),
        Put("customer id of 200 characters", Role.Integration, "/api/customers/" + new string('c', 200), Json(Customer("x")), "id"),
        Put("customer id with a hash", Role.Integration, "/api/customers/a%23b", Json(Customer("x")), "id"),
        Put("customer name of 10,000 characters", Role.Integration, $"/api/customers/{A}", Json(Customer(A, name: TenThousand)), "name"),
        Put("customer with 10,000 account managers", Role.Integration, $"/api/customers/{A}", Json(Customer(A, accountManagers: Enumerable.Range(0, 10_000).Select(i => $"am{i}@host.test").ToArray())), "accountManagers"),
        Put("customer tag of 1,000 characters", Role.Integration, $"/api/customers/{A}", Json(Customer(A, tags: new[] { new string('t', 1_000) })), "tags[0]"),
        Put("customer email with NUL", Role.Integration, $"/api/customers/{A}", Json(Customer(A, email: "a\u0000@b.test")), "email"),
        Put("customer tenant id with a space", Role.Integration, $"/api/customers/{A}", Json(Customer(A, tenantId: "t 1")), "tenantId"),
        Put("customer exempt as a string", Role.Admin, $"/api/customers/{A}", "{\"name\":\"A\",\"email\":\"a@b.test\",\"tenantId\":\"t-1\",\"exempt\":\"yes\"}", "exempt"),
        Put("customer body with a duplicate key", Role.Admin, $"/api/customers/{A}", "{\"name\":\"A\",\"email\":\"a@b.test\",\"tenantId\":\"t-1\",\"name\":\"B\"}", "name"),

        // Invoices.
        Put("invoice moved to another customer", Role.Finance, $"/api/invoices/{InvoiceOfA}", Invoice(B), "customerId", Conflict),
        Put("invoice amount of 79228162514264337593543950335", Role.Finance, "/api/invoices/inv-huge", Invoice(A).Replace("\"amount\":120", "\"amount\":79228162514264337593543950335"), "amount"),
        Put("invoice amount with six decimals", Role.Finance, "/api/invoices/inv-scale", Invoice(A, amount: 1.123456m), "amount"),
        Put("invoice due in year 9999", Role.Finance, "/api/invoices/inv-9999", Invoice(A, dueDate: "9999-12-31"), "dueDate"),
        Put("invoice paid in year 9999", Role.Finance, "/api/invoices/inv-paid-9999", Invoice(A, paidAt: "9999-12-31T00:00:00Z"), "paidAt"),
        Put("invoice currency of ten letters", Role.Finance, "/api/invoices/inv-currency", Invoice(A, currency: "EUROEUROEU"), "currency"),
        Put("invoice for a customer id with a slash", Role.Finance, "/api/invoices/inv-slash", Invoice("a/b"), "customerId"),
        Put("invoice id with a zero-width space", Role.Finance, "/api/invoices/inv%E2%80%8Bx", Invoice(A), "id"),

        // Suspensions, lifts and tasks: reasons.
        Post("manual suspension with a zero-width reason", Role.Admin, $"/api/customers/{A}/suspensions", Json(new { reasonCode = "investigation", reason = "\u200b" }), "reason"),
        Post("manual suspension with a NUL reason", Role.Admin, $"/api/customers/{A}/suspensions", Json(new { reasonCode = "investigation", reasonText = "\u0000" }), "reason"),
        Post("manual suspension with a reason of 5,000 characters", Role.Admin, $"/api/customers/{A}/suspensions", Json(new { reasonCode = "investigation", reason = FiveThousand }), "reason"),
        Post("lift with a zero-width reason", Role.SuperAdmin, $"/api/customers/{S}/suspensions/current/lift", Json(new { reason = "\u200b" }), "reason"),
        Post("lift with a NUL reason", Role.SuperAdmin, $"/api/customers/{S}/suspensions/current/lift", Json(new { reason = "\u0000" }), "reason"),
        Post("lift with a reason of spaces and a byte-order mark", Role.SuperAdmin, $"/api/customers/{S}/suspensions/current/lift", Json(new { reason = "  \ufeff \t" }), "reason"),
        Post("lift with a reason of 5,000 characters", Role.SuperAdmin, $"/api/customers/{S}/suspensions/current/lift", Json(new { reason = FiveThousand }), "reason"),
        Post("task completion with a zero-width reason", Role.SuperAdmin, "/api/tasks/{task}/complete", Json(new { outcome = "Lift", reason = "\u200b\u200b" }), "reason"),
        Post("task completion with a NUL reason", Role.SuperAdmin, "/api/tasks/{task}/complete", Json(new { outcome = "Lift", reason = "\u0000" }), "reason"),

        // Incidents: reasons and the status filter.
        Post("incident retry with a zero-width reason", Role.Admin, $"/api/workflow-instances/{Guid.Empty}/retry", Json(new { reason = "\u200b" }), "reason"),
        Post("incident cancel with a NUL reason", Role.Admin, $"/api/workflow-instances/{Guid.Empty}/cancel", Json(new { reason = "\u0000" }), "reason"),
        Post("incident retry with a reason of 5,000 characters", Role.Admin, $"/api/workflow-instances/{Guid.Empty}/retry", Json(new { reason = FiveThousand }), "reason"),
        new("incidents listed by status 0", Role.Admin, "GET", "/api/workflow-instances?status=0", null, Invalid, "status"),

        // Outbox: the status and channel filters name their values (never a number).
        new("outbox listed by status 0", Role.Admin, "GET", "/api/outbox?status=0", null, Invalid, "status"),
        new("outbox listed by an unknown channel", Role.Admin, "GET", "/api/outbox?channel=sms", null, Invalid, "channel"),

        // What-if: proposed values and paging.
        Post("what-if with graceDays out of bounds", Role.Finance, "/api/rulesets/non-payment/parameters/preview", Json(new { values = new { graceDays = 400 } }), "$.values.graceDays"),
        Post("what-if with graceDays as a string", Role.Finance, "/api/rulesets/non-payment/parameters/preview", Json(new { values = new { graceDays = "30" } }), "$.values.graceDays"),
        Post("what-if with a page of 501", Role.Finance, "/api/rulesets/non-payment/parameters/preview", Json(new { values = new { graceDays = 10 }, pageSize = 501 }), "pageSize"),

        // Exemption until a date.
        Put("customer exempt until a date yet not exempt", Role.Integration, $"/api/customers/{A}", Json(new { name = "Corpus " + A, email = "owner@corpus.test", tenantId = "t-1", exempt = false, exemptUntil = "2026-03-01", reason = "trial" }), "exemptUntil"),

        // Keys: roles are exact names.
        Post("key role of two flags", Role.SuperAdmin, "/api/keys", Json(new { role = "Integration, Finance", name = "k" }), "role"),
        Post("key role as a number", Role.SuperAdmin, "/api/keys", Json(new { role = "4", name = "k" }), "role"),
        Post("key role padded", Role.SuperAdmin, "/api/keys", Json(new { role = " Admin", name = "k" }), "role"),
        Post("key name of 10,000 characters", Role.SuperAdmin, "/api/keys", Json(new { role = "Viewer", name = TenThousand }), "name"),

        // Jobs: a live check never runs on a future clock.
        Post("overdue check as of 9999-12-31", Role.Finance, "/api/jobs/overdue-check/run", Json(new { asOf = "9999-12-31" }), "asOf"),
        Post("overdue check as of the day after tomorrow", Role.Finance, "/api/jobs/overdue-check/run", Json(new { asOf = DateOnly.FromDateTime(Now.UtcDateTime).AddDays(2).ToString("yyyy-MM-dd") }), "asOf"),
        Post("overdue check as of an instant an hour ahead", Role.Finance, "/api/jobs/overdue-check/run", Json(new { asOf = Now.AddHours(1).ToString("O") }), "asOf"),

        // Rule-set thresholds.
        Put("graceDaysByPlan keyed by a plan id with a slash", Role.Finance, "/api/rulesets/non-payment/parameters", Json(new { values = new { graceDaysByPlan = new Dictionary<string, int> { ["a/b"] = 10 } } }), "$.values.graceDaysByPlan.a/b"),
        Put("graceDaysByPlan with 101 entries", Role.Finance, "/api/rulesets/non-payment/parameters", Json(new { values = new { graceDaysByPlan = Enumerable.Range(0, 101).ToDictionary(i => $"plan-{i}", _ => 10) } }), "$.values.graceDaysByPlan"),
        Put("graceDays as a string", Role.Finance, "/api/rulesets/non-payment/parameters", Json(new { values = new { graceDays = "30" } }), "$.values.graceDays"),
        Put("parameters with a duplicate key", Role.Finance, "/api/rulesets/non-payment/parameters", "{\"values\":{\"graceDays\":30,\"graceDays\":1}}", "values.graceDays"),

        // Tenants and workflows: route ids.
        Put("tenant id with a space", Role.Admin, "/api/tenants/t%201", Json(new { timeZone = "Europe/Paris" }), "id"),
        Put("tenant id of 200 characters", Role.Admin, "/api/tenants/" + new string('t', 200), Json(new { timeZone = "Europe/Paris" }), "id"),
        Put("workflow id with a question mark", Role.Admin, "/api/workflows/w%3F1", "{}", "id"),
        Put("rule set name with a percent sign", Role.Admin, "/api/rulesets/r%25s", "{}", "name"),
    ];

    public static TheoryData<string> Names => new(Cases.Select(c => c.Name));

    public static BadRequestCase Named(string name) => Cases.Single(c => c.Name == name);

    private static string SignUpWith(string eventId) => SignUp("c-" + Guid.NewGuid().ToString("N")[..8], eventId);

    private static BadRequestCase Ev(string name, string body, string field, int status = Invalid) => new(name, Role.Integration, "POST", "/api/events", body, status, field);

    private static BadRequestCase Put(string name, Role role, string url, string body, string field, int status = Invalid) => new(name, role, "PUT", url, body, status, field);

    private static BadRequestCase Post(string name, Role role, string url, string body, string field, int status = Invalid) => new(name, role, "POST", url, body, status, field);
}
