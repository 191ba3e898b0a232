using Mediator;
using RuleSuspension.Application.Pipeline;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Audit;
using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.Keys;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.Keys;

public sealed record CreateApiKey(string Name, Role Role, Actor By) : ICommand<CreatedApiKey>;

public sealed record CreatedApiKey(Guid Id, string Name, Role Role, string Key, DateTimeOffset CreatedAt);

public sealed class CreateApiKeyValidator(InputLimits limits) : CommandValidator<CreateApiKey>
{
    protected override void Check(CreateApiKey command, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(command.Name))
        {
            errors.Add("name", "must not be empty.");
            return;
        }

        errors.CheckText("name", command.Name, limits.LabelLength);
    }
}

public sealed class CreateApiKeyHandler(RuleSuspensionDb db, TimeProvider clock) : ICommandHandler<CreateApiKey, CreatedApiKey>
{
    public async ValueTask<CreatedApiKey> Handle(CreateApiKey command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (key, plain) = ApiKey.Create(command.Name, command.Role, now);
        db.ApiKeys.Add(key);
        db.AuditEntries.Add(new AuditEntry(now, command.By.ToString(), "key.created", null, $$"""{"keyId":"{{key.Id}}","name":{{System.Text.Json.JsonSerializer.Serialize(key.Name)}},"role":"{{key.Role}}"}"""));
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKey(key.Id, key.Name, key.Role, plain, key.CreatedAt);
    }
}
