using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using RuleSuspension.Domain.Audit;
using RuleSuspension.Domain.Billing;
using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.Crm;
using RuleSuspension.Domain.Customers;
using RuleSuspension.Domain.Decisions;
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
using RuleSuspension.Persistence.Catalogue;
using RuleSuspension.Persistence.Locking;
using RuleSuspension.Persistence.Telemetry;

namespace RuleSuspension.Persistence;

/// <summary>
/// The system of record. Provider-specific subclasses (<see cref="SqliteRuleSuspensionDb"/>,
/// <see cref="PostgresRuleSuspensionDb"/>, <see cref="SqlServerRuleSuspensionDb"/>) give each provider its own
/// migrations and its <see cref="Dialect"/>.
/// </summary>
public abstract class RuleSuspensionDb(DbContextOptions options) : DbContext(options)
{
    private long? _heldCatalogueStamp;

    /// <summary>What differs on this context's database: locks, claims, bulk statements.</summary>
    public abstract IDatabaseDialect Dialect { get; }

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

    public DbSet<OutboxDelivery> OutboxDeliveries => Set<OutboxDelivery>();

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<OverdueWarning> OverdueWarnings => Set<OverdueWarning>();

    public DbSet<OverdueCheckRun> OverdueCheckRuns => Set<OverdueCheckRun>();

    public DbSet<OverdueCheckFailure> OverdueCheckFailures => Set<OverdueCheckFailure>();

    public DbSet<CatalogueChange> CatalogueChanges => Set<CatalogueChange>();

    public DbSet<DecisionRecord> DecisionRecords => Set<DecisionRecord>();

    /// <summary>
    /// The catalogue's stamp (the count of committed <see cref="CatalogueChange"/>s): what a cache of published
    /// workflows or latest rule set versions compares with the stamp it was filled at. Inside a customer's lock it was
    /// read with the lock, in the same statement; elsewhere it costs one small query.
    /// </summary>
    public async ValueTask<long> CatalogueStampAsync(CancellationToken cancellationToken)
        => _heldCatalogueStamp ?? await Database.SqlQueryRaw<long>(Dialect.CatalogueStampSql).SingleAsync(cancellationToken);

    /// <summary>Holds the stamp read with a customer's lock for that unit of work; null when it ends.</summary>
    internal void HoldCatalogueStamp(long? stamp) => _heldCatalogueStamp = stamp;

    /// <summary>The customer unit of work in progress on this context (<see cref="CustomerLock"/>), or null.</summary>
    internal CustomerLockScope? UnitOfWork { get; set; }

    /// <summary>
    /// True while a customer's unit of work is in progress on this context: its owner holds the lock and commits. On a
    /// database with one writer no transaction need be open meanwhile, so this, not the transaction, says it.
    /// </summary>
    public bool InUnitOfWork => UnitOfWork is not null;

    /// <summary>
    /// Inside a customer's unit of work on a database with one writer, takes the write lock now, for the rest of the
    /// unit of work, instead of at its commit: for a handler that must write before it ends (a conditional update
    /// claiming a row, whose answer decides the rest). Elsewhere the transaction is open already and this does nothing.
    /// </summary>
    public Task BeginWritesNowAsync(CancellationToken cancellationToken)
        => UnitOfWork?.BeginWritesAsync(cancellationToken) ?? Task.CompletedTask;

    // Each save detects changes once (a scan of every tracked entity), records what the changes imply (audit entries, a
    // catalogue change) and keeps EF from scanning again until the save is done.
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (InUnitOfWork && Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Inside a customer's unit of work, save asynchronously (the save takes the write lock first).");
        }

        var detect = DetectChangesOnce();
        try
        {
            RecordImpliedChanges();
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // A save inside a unit of work holding no write lock yet (one writer) writes in the unit of work's transaction,
        // so that a failure later still rolls it back.
        await BeginWritesNowAsync(cancellationToken);
        var detect = DetectChangesOnce();
        try
        {
            RecordImpliedChanges();
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (Database.CurrentTransaction is null)
            {
                PublishCommittedMeasures();
            }

            return saved;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private bool DetectChangesOnce()
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        if (detect)
        {
            ChangeTracker.DetectChanges();
            ChangeTracker.AutoDetectChangesEnabled = false;
        }

        return detect;
    }

    /// <summary>
    /// As <see cref="DetectChangesOnce"/>, but an added entity without navigations is not scanned: its row is written
    /// from its current values whatever the scan finds, and without navigations it cannot bring new entities along.
    /// The others are (stored ones for changed values, and any for new entities in their collections, such as a
    /// customer's new suspension). In an overdue batch most tracked entities are such added rows.
    /// </summary>
    private bool DetectChangesSkippingPlainNewRows()
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var entry in ChangeTracker.Entries().Where(e => e.State != EntityState.Added || e.Metadata.GetNavigations().Any()).ToList())
        {
            entry.DetectChanges();
        }

        return detect;
    }

    private void RecordImpliedChanges()
    {
        AuditTrail.Record(this);
        CatalogueStamp.Record(this, DateTimeOffset.UtcNow);
    }

    /// <summary>
    /// Saves the unit of work, commits its transaction and ends the unit of work: the context tracks nothing after it.
    /// The changes are detected and what they imply recorded (audit entries, a catalogue change) before
    /// <paramref name="beginWrites"/> is called for the transaction: on a database with one writer that waits for the
    /// writer gate, which is then held for the statements and the commit only, not for this CPU work. The added rows are
    /// written first as <paramref name="addedRows"/> says (<see cref="IDatabaseDialect.WriteAddedRowsAsync"/>) and EF's
    /// save writes the rest. The save takes no savepoint (EF takes one for a save inside a transaction so that the
    /// transaction survives a failed save): when this last save fails, the whole transaction is rolled back anyway,
    /// and the savepoint costs two statements. Nor does it mark what it wrote as unchanged entity by entity (a snapshot
    /// of every value): the entities are let go instead, still holding what was written.
    /// </summary>
    internal async Task SaveAndCommitAsync(Func<Task<IDbContextTransaction>> beginWrites, AddedRowsWrite addedRows, CancellationToken cancellationToken)
    {
        var savepoints = Database.AutoSavepointsEnabled;
        // An added row is written from its entity's current values, by EF's insert or the dialect's, whatever the scan
        // finds; one without navigations brings nothing along either, so the scan can skip it (most of an overdue
        // batch's entities, half of an event's).
        var detect = addedRows == AddedRowsWrite.Save ? DetectChangesOnce() : DetectChangesSkippingPlainNewRows();
        IDbContextTransaction transaction;
        try
        {
            RecordImpliedChanges();
            transaction = await beginWrites();
            Database.AutoSavepointsEnabled = false;
            if (addedRows != AddedRowsWrite.Save)
            {
                await Dialect.WriteAddedRowsAsync(this, addedRows, cancellationToken);
            }

            await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
            Database.AutoSavepointsEnabled = savepoints;
        }

        await transaction.CommitAsync(cancellationToken);
        PublishCommittedMeasures();
        ChangeTracker.Clear();
    }

    /// <summary>A suspension or lift saved in this unit of work: counted once its transaction commits, not before.</summary>
    internal void MeasureOnCommit(DomainEvent change) => (_uncommitted ??= []).Add(change);

    private void PublishCommittedMeasures()
    {
        if (_uncommitted is null)
        {
            return;
        }

        foreach (var change in _uncommitted)
        {
            switch (change)
            {
                case CustomerSuspended s:
                    ServiceMetrics.Suspended(s.Suspension.Kind.ToString().ToLowerInvariant(), s.Suspension.ReasonCode);
                    break;
                case SuspensionLifted l:
                    ServiceMetrics.Lifted(l.Suspension.Kind.ToString().ToLowerInvariant(), l.Suspension.ReasonCode);
                    break;
            }
        }

        _uncommitted = null;
    }

    private List<DomainEvent>? _uncommitted;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.ApplyConfigurationsFromAssembly(typeof(RuleSuspensionDb).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }
}
