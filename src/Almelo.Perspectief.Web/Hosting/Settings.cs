using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace Almelo.Perspectief.Web.Hosting;

/// <summary>
/// The settings an operator gives (appsettings, environment variables, the command line), checked before the site
/// listens: a setting that is wrong is one plain line that names it as it is written (<c>Site:BaseUrl</c>) and says
/// what it must be, never a stack trace.
/// </summary>
internal static class Settings
{
    /// <summary>How every settings problem on the command line starts, for the site and for <c>export</c>.</summary>
    public const string Problem = "Een instelling klopt niet: ";

    /// <summary>The checks of <c>ValidateDataAnnotations</c>, each failure one sentence naming <c>Section:Property</c>.</summary>
    public static OptionsBuilder<TOptions> ValidateSettings<TOptions>(this OptionsBuilder<TOptions> builder, string section)
        where TOptions : class
    {
        builder.Services.AddSingleton<IValidateOptions<TOptions>>(new SettingsValidation<TOptions>(builder.Name, section));
        return builder;
    }

    /// <summary>
    /// Runs every check registered with <c>ValidateOnStart</c> now, and reads the addresses to listen on, before the
    /// host starts (which would log each failure with its stack trace): the line to print, or null when all is right.
    /// </summary>
    public static string? Check(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (Exception e) when (Describe(e) is { } line)
        {
            return line;
        }
        return UnreadableUrl(services.GetRequiredService<IConfiguration>()[WebHostDefaults.ServerUrlsKey]);
    }

    /// <summary>Kestrel reads the addresses to listen on only once the content is loaded, and then fails with a stack trace.</summary>
    private static string? UnreadableUrl(string? urls)
    {
        foreach (var url in urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [])
        {
            try
            {
                var address = BindingAddress.Parse(url);
                if (address.Scheme is "http" or "https")
                {
                    continue;
                }
            }
            catch (FormatException)
            {
                // Said below, as for a scheme Kestrel does not serve.
            }
            return $"{Problem}urls is '{url}'; dat moet een adres als http://127.0.0.1:5080 zijn (meer adressen gescheiden door ;).";
        }
        return null;
    }

    /// <summary>Kestrel could not listen because another program does: the host's own log of it is left out, this line says it.</summary>
    public static bool IsAddressInUse(Exception? exception) => exception is IOException { InnerException: AddressInUseException };

    public static string AddressInUse(string? urls) =>
        $"{Problem}urls is '{urls ?? "http://localhost:5000"}', maar op dat adres luistert al een ander programma.";

    /// <summary>
    /// The line for an exception that means a setting is wrong, or null for any other: values that failed their
    /// checks (all of them), or a value the configuration binder cannot convert (its message names the setting and
    /// the type it needs).
    /// </summary>
    public static string? Describe(Exception exception)
    {
        IEnumerable<string>? failures = exception switch
        {
            OptionsValidationException invalid => invalid.Failures,
            AggregateException many when many.InnerExceptions.All(e => e is OptionsValidationException) =>
                many.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures),
            InvalidOperationException { Source: "Microsoft.Extensions.Configuration.Binder" } => [exception.Message],
            _ => null,
        };
        // A value is the operator's to choose: a line break in it must not split the one line.
        return failures is null ? null : (Problem + string.Join(" ", failures)).ReplaceLineEndings(" ");
    }
}

/// <summary>
/// What <c>ValidateDataAnnotations</c> checks, in the same order (an object's own rules only once its properties pass),
/// with each failure as a Dutch sentence that names the setting and the value given.
/// </summary>
internal sealed class SettingsValidation<TOptions>(string? registeredName, string section) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        if (registeredName is not null && registeredName != name)
        {
            return ValidateOptionsResult.Skip;
        }
        var failures = new List<string>();
        foreach (var property in typeof(TOptions).GetProperties())
        {
            var value = property.GetValue(options);
            failures.AddRange(property.GetCustomAttributes<ValidationAttribute>()
                .Where(rule => !rule.IsValid(value))
                .Select(rule => Describe($"{section}:{property.Name}", value, rule)));
        }
        if (failures.Count == 0 && options is IValidatableObject validatable)
        {
            failures.AddRange(validatable.Validate(new ValidationContext(options)).Select(result => result.ErrorMessage ?? string.Empty));
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Describe(string setting, object? value, ValidationAttribute rule) => rule switch
    {
        RequiredAttribute => $"{setting} ontbreekt.",
        RangeAttribute range => string.Create(CultureInfo.InvariantCulture, $"{setting} is {value}; dat moet een getal van {range.Minimum} tot en met {range.Maximum} zijn."),
        _ => rule.FormatErrorMessage(setting),
    };
}
