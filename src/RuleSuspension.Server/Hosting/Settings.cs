using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace RuleSuspension.Server.Hosting;

/// <summary>A setting that cannot be used: the start stops with this one line, which names the key and the rule.</summary>
public sealed class SettingsException(string message) : InvalidOperationException(message);

/// <summary>
/// Every configuration section is read here: bound, then checked by its FluentValidation validator
/// (<see cref="SettingsValidators"/>). Sections are read once, while the server is composed, because they decide what
/// is composed (the database provider, Quartz's store, the exporters); the same validator backs <see cref="IOptions{T}"/>
/// with <c>ValidateOnStart</c>, so code taking the options sees the same checked values.
/// </summary>
internal static partial class Settings
{
    /// <summary>Reads <paramref name="section"/>, checks it, and registers it as <see cref="IOptions{T}"/> validated at start.</summary>
    public static T Add<T>(this IServiceCollection services, IConfiguration configuration, string section, Func<IConfigurationSection, T?>? bind = null)
        where T : class, new()
    {
        var settings = Read(configuration, section, bind);
        services.AddSingleton<IValidateOptions<T>>(new SectionValidation<T>(section, SettingsValidators.For<T>()));
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateOnStart();
        return settings;
    }

    /// <summary>Binds <paramref name="section"/> (absent: the defaults) and checks it; refused with one line naming the key.</summary>
    public static T Read<T>(IConfiguration configuration, string section, Func<IConfigurationSection, T?>? bind = null)
        where T : class, new()
    {
        T settings;
        try
        {
            settings = (bind ?? (s => s.Get<T>()))(configuration.GetSection(section)) ?? new T();
        }
        catch (InvalidOperationException e) when (e is not SettingsException)
        {
            // The binder's own message names the key and the value it could not convert.
            throw new SettingsException("Cannot start: " + e.Message);
        }

        Check(settings, section);
        return settings;
    }

    /// <summary>Throws the one line that names every key of <paramref name="settings"/> that breaks a rule.</summary>
    public static void Check<T>(T settings, string section)
    {
        if (Problems(section, SettingsValidators.For<T>().Validate(settings)) is { } problems)
        {
            throw new SettingsException("Cannot start: " + problems);
        }
    }

    private static string? Problems(string section, FluentValidation.Results.ValidationResult result)
        => result.IsValid ? null : string.Join("; ", result.Errors.Select(e => $"{Key(section, e.PropertyName)} {e.ErrorMessage}"));

    /// <summary><c>Endpoints[0].Url</c> of <c>Webhooks</c> is the key <c>Webhooks:Endpoints:0:Url</c>.</summary>
    private static string Key(string section, string property)
        => string.IsNullOrEmpty(property) ? section : $"{section}:{Index().Replace(property, ":$1").Replace('.', ':')}";

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Index();

    private sealed class SectionValidation<T>(string section, IValidator<T> validator) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
            => Problems(section, validator.Validate(options)) is { } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
