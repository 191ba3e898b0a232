using FluentValidation;
using Quartz;
using RuleSuspension.Application;
using RuleSuspension.Application.Decisions;
using RuleSuspension.Application.Jobs;
using RuleSuspension.Domain.Suspensions;
using RuleSuspension.Domain.Tenants;
using RuleSuspension.Persistence;
using RuleSuspension.Scheduling.Configuration;
using RuleSuspension.Infrastructure.Outbox;
using RuleSuspension.Infrastructure.Outbox.Email;
using RuleSuspension.Infrastructure.Outbox.Webhooks;
using RuleSuspension.Server.Telemetry;

namespace RuleSuspension.Server.Hosting;

/// <summary>
/// The rules of every configuration section, one validator each (the README's "Settings" lists them). Messages are
/// the rule only: <see cref="Settings"/> puts the key in front (<c>Smtp:Port must be between 1 and 65535</c>).
/// </summary>
internal static class SettingsValidators
{
    private static readonly Dictionary<Type, IValidator> BySettings = new IValidator[]
    {
        new DatabaseSettingsValidator(), new InputLimitsValidator(), new SuspensionPolicyValidator(), new OverdueCheckValidator(),
        new SchedulerSettingsValidator(), new WebhookSettingsValidator(), new SmtpSettingsValidator(), new TelemetrySettingsValidator(),
        new DecisionRecordValidator(), new RuleAssemblySettingsValidator(),
    }.ToDictionary(v => v.GetType().BaseType!.GetGenericArguments()[0]);

    public static IValidator<T> For<T>()
        => BySettings.TryGetValue(typeof(T), out var validator)
            ? (IValidator<T>)validator
            : throw new InvalidOperationException($"No settings validator for {typeof(T).Name}: every section has one.");

    private const string Positive = "must be positive (it is {PropertyValue}).";

    private static bool IsHttpUrl(string? text)
        => Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    private sealed class DatabaseSettingsValidator : AbstractValidator<DatabaseSettings>
    {
        public DatabaseSettingsValidator()
        {
            RuleFor(s => s.Provider).IsInEnum().WithMessage("must be one of " + string.Join(", ", Enum.GetNames<DatabaseProvider>()) + ".");
            // A database server (one nodes can share) is reached only through its connection string; SQLite's file is in
            // the data directory.
            RuleFor(s => s.ConnectionString).NotEmpty().When(s => Enum.IsDefined(s.Provider) && DatabaseDialects.For(s.Provider).SharedByNodes)
                .WithMessage(s => $"is required when Database:Provider is {s.Provider}.");
        }
    }

    private sealed class InputLimitsValidator : AbstractValidator<InputLimits>
    {
        public InputLimitsValidator()
        {
            // A text limit above its column would let the database refuse the row with a 500 instead of a 400.
            RuleFor(l => l.ReasonLength).InclusiveBetween(1, InputLimits.ReasonColumn).WithMessage(ColumnRule(InputLimits.ReasonColumn));
            RuleFor(l => l.NameLength).InclusiveBetween(1, InputLimits.NameColumn).WithMessage(ColumnRule(InputLimits.NameColumn));
            RuleFor(l => l.EmailLength).InclusiveBetween(1, InputLimits.EmailColumn).WithMessage(ColumnRule(InputLimits.EmailColumn));
            RuleFor(l => l.LabelLength).InclusiveBetween(1, InputLimits.LabelColumn).WithMessage(ColumnRule(InputLimits.LabelColumn));
            RuleFor(l => l.ListItems).GreaterThan(0).WithMessage(Positive);
            RuleFor(l => l.MaxAmount).GreaterThan(0).WithMessage(Positive);
            RuleFor(l => l.AmountScale).InclusiveBetween(0, 28).WithMessage("must be between 0 and 28, a decimal's largest scale (it is {PropertyValue}).");
            RuleFor(l => l.EventMaxAge).GreaterThan(TimeSpan.Zero).WithMessage(Positive);
            RuleFor(l => l.EventMaxLead).GreaterThanOrEqualTo(TimeSpan.Zero).WithMessage("must not be negative (it is {PropertyValue}).");
            RuleFor(l => l.LatestDate).GreaterThan(l => l.EarliestDate).WithMessage("must be after Limits:EarliestDate (it is {PropertyValue}).");
            RuleFor(l => l.MaxBodyBytes).GreaterThanOrEqualTo(1024).WithMessage("must be at least 1024 bytes (it is {PropertyValue}).");
            RuleFor(l => l.MaxJsonDepth).InclusiveBetween(2, 256).WithMessage("must be between 2 and 256 (it is {PropertyValue}).");
            // A gate that admits nothing would refuse every event.
            RuleFor(l => l.Ingestion.MaxConcurrent).GreaterThanOrEqualTo(1).WithMessage("must be at least 1 (it is {PropertyValue}).");
            RuleFor(l => l.Ingestion.QueueLength).GreaterThanOrEqualTo(0).WithMessage("must not be negative (it is {PropertyValue}).");
            RuleFor(l => l.Ingestion.RetryAfterSeconds).GreaterThanOrEqualTo(1).WithMessage("must be at least 1 (it is {PropertyValue}).");
        }

        private static string ColumnRule(int column) => $"must be between 1 and {column} (the column's size); it is {{PropertyValue}}.";
    }

    private sealed class SuspensionPolicyValidator : AbstractValidator<SuspensionPolicy>
    {
        public SuspensionPolicyValidator()
        {
            RuleFor(p => p.LiftingRole).IsInEnum().WithMessage("is not a role.");
            RuleFor(p => p.LoginRefusedMessage).Must(ShownMessage).WithMessage($"must be 1 to {InputLimits.ReasonColumn} characters, at least one of them visible.");
            RuleFor(p => p.AccountManagerMessage).Must(ShownMessage).WithMessage($"must be 1 to {InputLimits.ReasonColumn} characters, at least one of them visible.");
        }

        private static bool ShownMessage(string? message) => message is { Length: > 0 and <= InputLimits.ReasonColumn } && InputLimits.HasVisibleCharacter(message);
    }

    private sealed class OverdueCheckValidator : AbstractValidator<OverdueCheckOptions>
    {
        public OverdueCheckValidator()
        {
            RuleFor(o => o.Cron).Must(c => CronExpression.TryParse(c.Trim(), out _))
                .WithMessage("'{PropertyValue}' is not a valid Quartz cron expression (six or seven fields, seconds first, e.g. '0 0 2 * * ?' for daily at 02:00).");
            RuleFor(o => o.TimeZone).Must(z => TenantClock.Resolve(z.Trim()) is not null)
                .WithMessage("'{PropertyValue}' is not a known IANA time zone id (e.g. UTC, Europe/Paris).");
            RuleFor(o => o.BatchSize).InclusiveBetween(1, 100_000).WithMessage("must be between 1 and 100000 (it is {PropertyValue}).");
            RuleFor(o => o.Parallelism).InclusiveBetween(1, OverdueCheckOptions.MaxParallelism)
                .WithMessage($"must be between 1 and {OverdueCheckOptions.MaxParallelism} (it is {{PropertyValue}}).");
            RuleFor(o => o.RuleSet).Must(id => InputLimits.IdProblem(id) is null).WithMessage(o => "is not a rule set name: it " + InputLimits.IdProblem(o.RuleSet));
            RuleFor(o => o.Workflow).Must(id => InputLimits.IdProblem(id) is null).WithMessage(o => "is not a workflow id: it " + InputLimits.IdProblem(o.Workflow));
        }
    }

    private sealed class SchedulerSettingsValidator : AbstractValidator<SchedulerSettings>
    {
        public SchedulerSettingsValidator()
        {
            RuleFor(s => s.SchedulerName).NotEmpty().WithMessage("is required: every node of a cluster uses the same name.");
            RuleFor(s => s.CheckinInterval).GreaterThan(TimeSpan.Zero).WithMessage(Positive);
            RuleFor(s => s.CheckinMisfireThreshold).GreaterThan(TimeSpan.Zero).WithMessage(Positive);
            RuleFor(s => s.IdleWaitTime).GreaterThan(TimeSpan.Zero).WithMessage(Positive);
            RuleFor(s => s.MisfireThreshold).GreaterThan(TimeSpan.Zero).WithMessage(Positive);
            RuleFor(s => s.MaxConcurrency).InclusiveBetween(1, 64).WithMessage("must be between 1 and 64 (it is {PropertyValue}).");
        }
    }

    /// <summary>How a channel polls and retries: the same rules for webhooks and email.</summary>
    private static void OutboxDelivery<T>(AbstractValidator<T> validator)
        where T : OutboxDeliverySettings
    {
        validator.RuleFor(s => s.PollInterval).GreaterThan(TimeSpan.Zero).WithMessage(Positive);
        validator.RuleFor(s => s.Timeout).GreaterThan(TimeSpan.Zero).WithMessage(Positive);
        validator.RuleFor(s => s.RetryBase).GreaterThan(TimeSpan.Zero).WithMessage(Positive);
        validator.RuleFor(s => s.BatchSize).GreaterThanOrEqualTo(1).WithMessage("must be at least 1 (it is {PropertyValue}).");
        validator.RuleFor(s => s.MaxAttempts).GreaterThanOrEqualTo(1).WithMessage("must be at least 1 (it is {PropertyValue}).");
    }

    private sealed class WebhookSettingsValidator : AbstractValidator<WebhookSettings>
    {
        public WebhookSettingsValidator()
        {
            RuleForEach(s => s.Endpoints).ChildRules(endpoint =>
            {
                endpoint.RuleFor(e => e.Url).Must(IsHttpUrl).WithMessage("must be an absolute http(s) URL.");
                endpoint.RuleFor(e => e.Secret).NotEmpty().WithMessage("is required: receivers verify the signature with it.")
                    .Must(secret => WebhookSecret.KeyOf(secret) is not null).WithMessage("starts with whsec_ but the rest is not base64 key bytes.");
            });
            OutboxDelivery(this);
        }
    }

    private sealed class SmtpSettingsValidator : AbstractValidator<SmtpSettings>
    {
        public SmtpSettingsValidator()
        {
            // Without a host email is off, and nothing else of the section is used.
            When(s => s.Enabled, () =>
            {
                RuleFor(s => s.Port).InclusiveBetween(1, 65535).WithMessage("must be between 1 and 65535 (it is {PropertyValue}).");
                RuleFor(s => s.From).Must(from => SmtpSettings.AddressOf(from) is not null).WithMessage("must be an email address when Smtp:Host is set.");
                RuleFor(s => s.Security).IsInEnum().WithMessage("must be StartTls, None or Tls.");
                OutboxDelivery(this);
            });
        }
    }

    private sealed class TelemetrySettingsValidator : AbstractValidator<TelemetrySettings>
    {
        public TelemetrySettingsValidator()
        {
            // On Linux "/x" is an absolute file URI: only http(s) reaches a collector.
            RuleFor(s => s.OtlpEndpoint).Must(IsHttpUrl).When(s => !string.IsNullOrWhiteSpace(s.OtlpEndpoint)).WithMessage("must be an absolute http(s) URL.");
            RuleFor(s => s.BacklogInterval).GreaterThan(TimeSpan.Zero).WithMessage(Positive);
        }
    }

    /// <summary>One boolean: the binder has checked it already.</summary>
    private sealed class DecisionRecordValidator : AbstractValidator<DecisionRecordOptions>;

    private sealed class RuleAssemblySettingsValidator : AbstractValidator<RuleAssemblySettings>
    {
        public RuleAssemblySettingsValidator()
            => RuleForEach(s => s.Assemblies).NotEmpty().WithMessage("must be the path of an assembly.");
    }
}

/// <summary>The <c>Rules</c> section: the assemblies of the code-defined rule sets (<c>Rules:Assemblies</c>).</summary>
public sealed class RuleAssemblySettings
{
    public List<string> Assemblies { get; set; } = [];
}
