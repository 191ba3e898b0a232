using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Customers;
using RuleSuspension.Domain.Suspensions;

namespace RuleSuspension.Domain.Tests.Customers;

internal static class CustomerFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);
    public static readonly Actor Admin = Actor.Person("ada", Role.Admin);
    public static readonly Actor SuperAdmin = Actor.Person("grace", Role.SuperAdmin);
    public static readonly Actor Finance = Actor.Person("fin", Role.Finance);

    public static Customer NewCustomer(bool exempt = false) => new(
        "c-1",
        new CustomerProfile("t-1", "Acme", "billing@acme.test", "pro", ["vip"], false, exempt, ["am@host.test"]),
        Actor.System("test"),
        Now,
        exempt ? "Agreed payment plan" : null);

    public static SuspensionDecision ManualDecision() => SuspensionDecision.Manual(ReasonCodes.Investigation, "Fraud report", Admin);

    public static SuspensionDecision AutomaticDecision() => SuspensionDecision.Automatic(ReasonCodes.NonPayment, "Invoice 42 is 31 days overdue", "workflow:overdue-invoices@1");
}
