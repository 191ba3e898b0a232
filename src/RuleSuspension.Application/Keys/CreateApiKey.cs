using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Audit;
using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.Keys;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.Keys;

public sealed record CreateApiKey(string Name, Role Role, Actor By);

public sealed record CreatedApiKey(Guid Id, string Name, Role Role, string Key, DateTimeOffset CreatedAt);

public sealed class CreateApiKeyHandler(RuleSuspensionDb db, TimeProvider clock, InputLimits limits)
{
    public async Task<CreatedApiKey> Handle(CreateApiKey command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.Name))
        {
            throw DomainException.Invalid("name", "'name' must not be empty.");
        }

        var errors = new ValidationErrors();
        errors.CheckText("name", command.Name, limits.LabelLength);
        errors.ThrowIfAny();

        var now = clock.GetUtcNow();
        var (key, plain) = ApiKey.Create(command.Name, command.Role, now);
        db.ApiKeys.Add(key);
        db.AuditEntries.Add(new AuditEntry(now, command.By.ToString(), "key.created", null, $$"""{"keyId":"{{key.Id}}","name":{{System.Text.Json.JsonSerializer.Serialize(key.Name)}},"role":"{{key.Role}}"}"""));
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKey(key.Id, key.Name, key.Role, plain, key.CreatedAt);
    }
}
