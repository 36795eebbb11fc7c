using System.ComponentModel.DataAnnotations;

namespace Almelo.Perspectief.Web.Addresses;

/// <summary>The site as the public knows it (section <c>Site</c>).</summary>
internal sealed class SiteOptions : IValidatableObject
{
    public const string Section = "Site";

    /// <summary>
    /// The public address (https://…) for canonical links, share cards, the sitemap and calendars. Required in
    /// Production, where the site also answers only to its host; elsewhere empty means the address of the request.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>The host of <see cref="BaseUrl"/>, when it is set and valid.</summary>
    public string? PublicHost => HostOf(BaseUrl);

    public static string? HostOf(string? baseUrl) =>
        Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) ? uri.Host : null;

    /// <summary>security.txt: how to report a vulnerability (mailto: or https:).</summary>
    [Required]
    public string SecurityContact { get; set; } = string.Empty;

    /// <summary>security.txt: until when its contents hold.</summary>
    public DateTimeOffset SecurityExpires { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(BaseUrl)
            && !(Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.AbsolutePath == "/"))
        {
            yield return new ValidationResult($"Site:BaseUrl is '{BaseUrl}'; dat moet een volledig webadres met http:// of https:// zijn, zonder pad, bijvoorbeeld https://perspectief.almelo.nl.", [nameof(BaseUrl)]);
        }
        if (!SecurityContact.StartsWith("mailto:", StringComparison.Ordinal) && !SecurityContact.StartsWith("https://", StringComparison.Ordinal))
        {
            yield return new ValidationResult($"Site:SecurityContact is '{SecurityContact}'; dat moet beginnen met mailto: of https://.", [nameof(SecurityContact)]);
        }
        if (SecurityExpires == default)
        {
            yield return new ValidationResult("Site:SecurityExpires ontbreekt; dat is de datum tot wanneer security.txt geldt (RFC 9116), bijvoorbeeld 2027-11-01T00:00:00Z.", [nameof(SecurityExpires)]);
        }
    }
}
