using Microsoft.AspNetCore.Authorization;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Suspensions;

namespace RuleSuspension.Server.Security;

/// <summary>Which roles may do what. Every route names one of these; anything unnamed needs at least a valid key.</summary>
public static class AccessPolicies
{
    public const string Read = "read";
    public const string Ingest = "ingest";
    public const string WriteCustomers = "customers.write";
    public const string WriteInvoices = "invoices.write";
    public const string Suspend = "suspend";
    public const string Lift = "lift";
    public const string ReadAudit = "audit.read";
    public const string ManageKeys = "keys.manage";
    public const string ReadRules = "rules.read";
    public const string EditRules = "rules.edit";
    public const string SetThresholds = "rules.thresholds";
    public const string DryRun = "rules.dry-run";
    public const string ReadWorkflows = "workflows.read";
    public const string EditWorkflows = "workflows.edit";
    public const string CompleteTasks = "tasks.complete";
    public const string ReadJobs = "jobs.read";
    public const string RunJobs = "jobs.run";
    public const string ManageTenants = "tenants.manage";
    public const string ReadOutbox = "outbox.read";
    public const string MendIncidents = "incidents.mend";
    public const string ReplayDecisions = "decisions.replay";

    private static readonly Role[] Everyone = Enum.GetValues<Role>();

    /// <summary>The people: every role but the host platform's integration keys.</summary>
    private static readonly Role[] Staff = [Role.Viewer, Role.Finance, Role.Admin, Role.SuperAdmin];

    private static readonly Role[] Administrators = [Role.Admin, Role.SuperAdmin];

    public static IReadOnlyDictionary<string, Role[]> Roles(SuspensionPolicy suspensions) => new Dictionary<string, Role[]>
    {
        [Read] = Everyone,
        [Ingest] = [Role.Integration, Role.Admin, Role.SuperAdmin],
        [WriteCustomers] = [Role.Integration, Role.Admin, Role.SuperAdmin],
        [WriteInvoices] = [Role.Integration, Role.Finance, Role.Admin, Role.SuperAdmin],
        [Suspend] = Administrators,
        [Lift] = Everyone.Where(suspensions.MayLift).ToArray(),
        [ReadAudit] = Staff,
        [ManageKeys] = [Role.SuperAdmin],
        [ReadRules] = Staff,
        [EditRules] = Administrators,
        [SetThresholds] = [Role.Finance, Role.SuperAdmin],
        [DryRun] = [Role.Finance, Role.Admin, Role.SuperAdmin],
        [ReadWorkflows] = Staff,
        [EditWorkflows] = Administrators,

        // Any role may be asked to complete a task; the task itself checks that it is for the caller's role.
        [CompleteTasks] = Everyone,
        [ReadJobs] = Staff,
        [RunJobs] = [Role.Finance, Role.Admin, Role.SuperAdmin],
        [ManageTenants] = Administrators,
        [ReadOutbox] = Administrators,
        [MendIncidents] = Administrators,

        // A replay changes nothing but costs an evaluation: the people who tune and answer for the rules.
        [ReplayDecisions] = [Role.Finance, Role.Admin, Role.SuperAdmin],
    };

    public static void AddRuleSuspensionPolicies(this AuthorizationOptions options, SuspensionPolicy suspensions)
    {
        foreach (var (name, roles) in Roles(suspensions))
        {
            options.AddPolicy(name, policy => policy.RequireAuthenticatedUser().RequireRole(roles.Select(r => r.ToString())));
        }

        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
