using System.Security.Cryptography;
using System.Text;
using RuleSuspension.Domain.Access;

namespace RuleSuspension.Domain.Keys;

/// <summary>
/// An API key. Only its SHA-256 hash is stored: the key itself is 32 random bytes, so a fast hash is as safe
/// as a slow one, and it keeps authentication cheap on every request.
/// </summary>
public sealed class ApiKey
{
    private const string Prefix = "rsk_";

    private ApiKey()
    {
        Name = Hash = null!;
    }

    private ApiKey(string name, Role role, string hash, DateTimeOffset createdAt)
    {
        Id = Guid.NewGuid();
        Name = name;
        Role = role;
        Hash = hash;
        CreatedAt = createdAt.ToUniversalTime();
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public Role Role { get; private set; }

    /// <summary>Hex SHA-256 of the key.</summary>
    public string Hash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Creates a key; the plain text is returned once and never stored.</summary>
    public static (ApiKey Key, string PlainText) Create(string name, Role role, DateTimeOffset at)
    {
        var plain = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new ApiKey(name.Trim(), role, HashOf(plain), at), plain);
    }

    public static string HashOf(string plainText)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plainText)));
}
