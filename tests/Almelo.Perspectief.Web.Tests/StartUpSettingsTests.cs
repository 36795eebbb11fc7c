using Almelo.Perspectief.Content.Tests;
using Almelo.Perspectief.Web.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>A setting an operator gets wrong stops the start with one plain line naming it, and exit code 2: never a stack trace.</summary>
public sealed class StartUpSettingsTests
{
    private const string Problem = "Een instelling klopt niet: ";

    /// <summary>The one process test: what an operator sees on the command line, standard output included.</summary>
    [Fact]
    public async Task StartUp_BaseUrlNotAnAddress_Exits2WithOneLineAndNothingElse()
    {
        using var content = ContentFixture.Reference();

        var (exit, output, error) = await WebProgram.RunIn(
            "Production",
            TimeSpan.FromSeconds(60),
            "--urls", "http://127.0.0.1:0",
            $"--Content:Path={content.Root}",
            "--Site:BaseUrl=niet-een-adres");

        Assert.Equal(2, exit);
        Assert.Equal(
            $"{Problem}Site:BaseUrl is 'niet-een-adres'; dat moet een volledig webadres met http:// of https:// zijn, zonder pad, bijvoorbeeld https://perspectief.almelo.nl.{Environment.NewLine}",
            error);
        Assert.Empty(output);
    }

    [Theory]
    [InlineData("Production", "Site:BaseUrl", "", "Site:BaseUrl ontbreekt; in Production (ook na een publish) is dat het adres waarop de site te bereiken is, bijvoorbeeld https://perspectief.almelo.nl, en de site antwoordt alleen op die host.")]
    [InlineData("Production", "Site:BaseUrl", "https://perspectief.almelo.nl/nota", "Site:BaseUrl is 'https://perspectief.almelo.nl/nota'; dat moet een volledig webadres met http:// of https:// zijn, zonder pad, bijvoorbeeld https://perspectief.almelo.nl.")]
    [InlineData("Development", "Site:BaseUrl", "ftp://perspectief.almelo.nl", "Site:BaseUrl is 'ftp://perspectief.almelo.nl'; dat moet een volledig webadres met http:// of https:// zijn, zonder pad, bijvoorbeeld https://perspectief.almelo.nl.")]
    [InlineData("Development", "Site:SecurityContact", "security@almelo.nl", "Site:SecurityContact is 'security@almelo.nl'; dat moet beginnen met mailto: of https://.")]
    [InlineData("Development", "ReverseProxy:KnownProxies:0", "10.0.0.300", "ReverseProxy:KnownProxies:0 is '10.0.0.300'; dat is geen IP-adres (bijvoorbeeld 10.0.0.5).")]
    [InlineData("Development", "ReverseProxy:KnownNetworks:0", "10.0.0.0/40", "ReverseProxy:KnownNetworks:0 is '10.0.0.0/40'; dat is geen netwerk in CIDR-notatie (bijvoorbeeld 10.0.0.0/8).")]
    [InlineData("Development", "Circuits:MaxCircuitsPerClient", "5000", "Circuits:MaxCircuitsPerClient is 5000, meer dan Circuits:MaxCircuits (1000), het plafond voor alle clients samen.")]
    [InlineData("Development", "Circuits:MaxCircuits", "0", "Circuits:MaxCircuits is 0; dat moet een getal van 1 tot en met 100000 zijn.")]
    [InlineData("Development", "RateLimiting:PermitLimit", "0", "RateLimiting:PermitLimit is 0; dat moet een getal van 1 tot en met 100000 zijn.")]
    [InlineData("Development", "Caching:MaxAgeSeconds", "5", "Caching:MaxAgeSeconds is 5; dat moet een getal van 30 tot en met 3600 zijn.")]
    [InlineData("Development", "RequestLogging:RepeatWindowSeconds", "0", "RequestLogging:RepeatWindowSeconds is 0; dat moet een getal van 1 tot en met 3600 zijn.")]
    [InlineData("Development", "Content:ReloadDelayMilliseconds", "1", "Content:ReloadDelayMilliseconds is 1; dat moet een getal van 10 tot en met 10000 zijn.")]
    [InlineData("Development", "Content:Path", "", "Content:Path ontbreekt.")]
    [InlineData("Development", "Health:StaleAfterDays", "0", "Health:StaleAfterDays is 0; dat moet een getal van 1 tot en met 3650 zijn.")]
    [InlineData("Development", "urls", "niet-een-adres", "urls is 'niet-een-adres'; dat moet een adres als http://127.0.0.1:5080 zijn (meer adressen gescheiden door ;).")]
    [InlineData("Development", "urls", "ftp://127.0.0.1:5080", "urls is 'ftp://127.0.0.1:5080'; dat moet een adres als http://127.0.0.1:5080 zijn (meer adressen gescheiden door ;).")]
    public async Task StartUp_WrongSetting_Exits2WithOneLineNamingTheSettingAndWhatItMustBe(string environment, string key, string value, string expected)
    {
        using var content = ContentFixture.Reference();

        var (exit, error) = await Start(environment, $"--Content:Path={content.Root}", $"--{key}={value}");

        Assert.Equal(2, exit);
        Assert.Equal(Problem + expected + Environment.NewLine, error);
    }

    [Fact]
    public async Task StartUp_SeveralWrongSettings_AllOnOneLine()
    {
        using var content = ContentFixture.Reference();

        var (exit, error) = await Start("Development", $"--Content:Path={content.Root}", "--RateLimiting:PermitLimit=0", "--RateLimiting:WindowSeconds=0", "--Caching:MaxAgeSeconds=5");

        Assert.Equal(2, exit);
        var line = Assert.Single(error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(Problem, line, StringComparison.Ordinal);
        Assert.Contains("RateLimiting:PermitLimit is 0;", line, StringComparison.Ordinal);
        Assert.Contains("RateLimiting:WindowSeconds is 0;", line, StringComparison.Ordinal);
        Assert.Contains("Caching:MaxAgeSeconds is 5;", line, StringComparison.Ordinal);
    }

    /// <summary>A value the configuration cannot convert: the framework's message names the setting and the type it needs.</summary>
    [Theory]
    [InlineData("RateLimiting:PermitLimit")]
    [InlineData("Circuits:MaxCircuits")]
    public async Task StartUp_SettingThatIsNoNumber_Exits2WithOneLineNamingIt(string key)
    {
        using var content = ContentFixture.Reference();

        var (exit, error) = await Start("Development", $"--Content:Path={content.Root}", $"--{key}=veel");

        Assert.Equal(2, exit);
        var line = Assert.Single(error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(Problem, line, StringComparison.Ordinal);
        Assert.Contains($"'{key}'", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartUp_ValueWithALineBreak_StaysOneLine()
    {
        using var content = ContentFixture.Reference();

        var (exit, error) = await Start("Development", $"--Content:Path={content.Root}", "--ReverseProxy:KnownProxies:0=10.0.0.5\n   at Almelo.Perspectief");

        Assert.Equal(2, exit);
        Assert.Single(error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Found only when Kestrel listens, after the content is read: the host's log of it is left out too.</summary>
    [Fact]
    public async Task StartUp_AddressTaken_Exits2WithOneLineNamingIt()
    {
        using var content = ContentFixture.Reference();
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var address = $"http://127.0.0.1:{((System.Net.IPEndPoint)taken.LocalEndpoint).Port}";

        var (exit, error) = await Start("Development", $"--Content:Path={content.Root}", $"--urls={address}");

        Assert.Equal(2, exit);
        Assert.Equal($"{Problem}urls is '{address}', maar op dat adres luistert al een ander programma.{Environment.NewLine}", error);
    }

    [Fact]
    public async Task StartUp_ContentFolderMissing_Exits2NamingTheFolder()
    {
        using var content = ContentFixture.Reference();
        var missing = Path.Combine(content.Root, "bestaat-niet");

        var (exit, error) = await Start("Development", $"--Content:Path={missing}");

        Assert.Equal(2, exit);
        Assert.Equal($"{Problem}Content:Path wijst naar {missing}, maar die map bestaat niet.{Environment.NewLine}", error);
    }

    /// <summary>The site's own start, in this process, as <c>Program</c> runs it; a setting that turns out right would start it, so it is stopped after a while.</summary>
    private static async Task<(int Exit, string Error)> Start(string environment, params string[] arguments)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = ["--urls", "http://127.0.0.1:0", .. arguments],
            EnvironmentName = environment,
            // The site's own name, not the test host's: its static files are found by it.
            ApplicationName = typeof(SiteStart).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var exit = await SiteStart.Run(builder, error, stop.Token);
        return (exit, error.ToString());
    }
}
