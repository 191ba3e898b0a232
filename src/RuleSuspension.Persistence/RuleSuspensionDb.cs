using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using RuleSuspension.Domain.Audit;
using RuleSuspension.Domain.Billing;
using RuleSuspension.Domain.Crm;
using RuleSuspension.Domain.Customers;
using RuleSuspension.Domain.Events;
using RuleSuspension.Domain.Jobs;
using RuleSuspension.Domain.Keys;
using RuleSuspension.Domain.Outbox;
using RuleSuspension.Domain.RuleSets;
using RuleSuspension.Domain.Suspensions;
using RuleSuspension.Domain.Tasks;
using RuleSuspension.Domain.Tenants;
using RuleSuspension.Workflows.Definitions;
using RuleSuspension.Workflows.Runtime;
using RuleSuspension.Persistence.Auditing;

namespace RuleSuspension.Persistence;

/// <summary>
/// The system of record. Provider-specific subclasses (<see cref="SqliteRuleSuspensionDb"/>,
/// <see cref="PostgresRuleSuspensionDb"/>) exist only so that each provider has its own migrations.
/// </summary>
public abstract class RuleSuspensionDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Suspension> Suspensions => Set<Suspension>();

    public DbSet<Invoice> Invoices => Set<Invoice>();

    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<Opportunity> Opportunities => Set<Opportunity>();

    public DbSet<InboundEvent> Events => Set<InboundEvent>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<RuleSetVersion> RuleSetVersions => Set<RuleSetVersion>();

    public DbSet<WorkflowVersion> WorkflowVersions => Set<WorkflowVersion>();

    public DbSet<WorkflowInstance> WorkflowInstances => Set<WorkflowInstance>();

    public DbSet<WorkflowJournalEntry> WorkflowJournal => Set<WorkflowJournalEntry>();

    public DbSet<WorkflowTimer> WorkflowTimers => Set<WorkflowTimer>();

    public DbSet<WorkflowTriggerRecord> WorkflowTriggers => Set<WorkflowTriggerRecord>();

    public DbSet<HumanTask> Tasks => Set<HumanTask>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<OverdueWarning> OverdueWarnings => Set<OverdueWarning>();

    public DbSet<OverdueCheckRun> OverdueCheckRuns => Set<OverdueCheckRun>();

    public DbSet<OverdueCheckFailure> OverdueCheckFailures => Set<OverdueCheckFailure>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AuditTrail.Record(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AuditTrail.Record(this);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Saves the unit of work and commits its transaction. The save takes no savepoint (EF takes one for a save inside a
    /// transaction so that the transaction survives a failed save): when this last save fails, the whole transaction
    /// is rolled back anyway, and the savepoint would cost two statements on every commit.
    /// </summary>
    public async Task SaveAndCommitAsync(IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        var savepoints = Database.AutoSavepointsEnabled;
        Database.AutoSavepointsEnabled = false;
        try
        {
            await SaveChangesAsync(cancellationToken);
        }
        finally
        {
            Database.AutoSavepointsEnabled = savepoints;
        }

        await transaction.CommitAsync(cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.ApplyConfigurationsFromAssembly(typeof(RuleSuspensionDb).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }
}
