namespace Almelo.Perspectief.Web.Content;

/// <summary>
/// Loads and validates the content while the host starts, before the first request:
/// invalid content without a last good copy stops the start with every error.
/// </summary>
internal sealed class ContentStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<ContentStore>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
