using Almelo.Perspectief.Content.Loading;
using Almelo.Perspectief.Content.Model;
using Microsoft.Extensions.Options;

namespace Almelo.Perspectief.Web.Content;

/// <summary>
/// Owns the snapshot the site serves. Reads the content folder at start, again after every change (debounced),
/// and swaps in a new snapshot only when it is valid; otherwise it keeps the last good one and reports the errors.
/// The last good content is also copied to disk, so that a restart with broken content still serves it.
/// </summary>
public sealed class ContentStore : IDisposable
{
    private readonly ILogger<ContentStore> logger;
    private readonly TimeProvider clock;
    private readonly FileSystemWatcher? watcher;
    private readonly ITimer debounce;
    private readonly TimeSpan delay;
    private readonly Lock gate = new();
    private volatile ContentState state;
    private int confirmPending;

    public ContentStore(IOptions<ContentOptions> options, IHostEnvironment environment, ILogger<ContentStore> logger, TimeProvider clock)
    {
        this.logger = logger;
        this.clock = clock;
        ContentPath = System.IO.Path.GetFullPath(options.Value.Path, environment.ContentRootPath);
        SnapshotPath = string.IsNullOrWhiteSpace(options.Value.SnapshotPath)
            ? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "almelo-perspectief", "laatst-goed")
            : System.IO.Path.GetFullPath(options.Value.SnapshotPath, environment.ContentRootPath);
        delay = TimeSpan.FromMilliseconds(options.Value.ReloadDelayMilliseconds);
        debounce = TimeProvider.System.CreateTimer(_ => ReloadAfterQuiet(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        state = Start();

        if (Directory.Exists(ContentPath))
        {
            watcher = new FileSystemWatcher(ContentPath) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
            watcher.Changed += OnChange;
            watcher.Created += OnChange;
            watcher.Deleted += OnChange;
            watcher.Renamed += OnChange;
            watcher.EnableRaisingEvents = true;
        }
    }

    public string ContentPath { get; }

    public string SnapshotPath { get; }

    /// <summary>The snapshot being served and the errors of the content on disk, if any.</summary>
    public ContentState State => state;

    public ContentSnapshot Current => state.Snapshot;

    /// <summary>Raised after every reload that changed what the site shows: a new snapshot, or new errors.</summary>
    public event Action<ContentState>? StateChanged;

    /// <summary>Reads the content folder now and reports any error at once.</summary>
    public void Reload() => Reload(confirmErrors: false);

    /// <summary>
    /// After the files have been quiet for a moment. A failed read is read once more before it counts: an editor
    /// or a git checkout that writes in several steps must not make the errors flicker.
    /// </summary>
    private void ReloadAfterQuiet()
    {
        var confirming = Interlocked.Exchange(ref confirmPending, 0) == 1;
        try
        {
            Reload(confirmErrors: !confirming);
        }
#pragma warning disable CA1031 // A timer callback that throws would end the process: the site must outlive any content.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Reading the content failed; still serving the last good content");
        }
    }

    private void Reload(bool confirmErrors)
    {
        lock (gate)
        {
            var result = ContentLoader.Load(ContentPath, clock);
            if (result.Snapshot is { } snapshot)
            {
                state = new ContentState(snapshot, []);
                logger.LogInformation("Content reloaded from {ContentPath}: {PublicationCount} publication(s)", ContentPath, snapshot.Publications.Count);
                KeepAsLastGood();
            }
            else if (confirmErrors)
            {
                Interlocked.Exchange(ref confirmPending, 1);
                debounce.Change(delay, Timeout.InfiniteTimeSpan);
                return;
            }
            else
            {
                state = new ContentState(state.Snapshot, result.Errors);
                LogErrors(result.Errors, "Content change rejected; still serving the last good content");
            }
        }
        StateChanged?.Invoke(state);
    }

    private ContentState Start()
    {
        var result = ContentLoader.Load(ContentPath, clock);
        if (result.Snapshot is { } snapshot)
        {
            logger.LogInformation("Content loaded from {ContentPath}: {PublicationCount} publication(s)", ContentPath, snapshot.Publications.Count);
            KeepAsLastGood();
            return new ContentState(snapshot, []);
        }

        LogErrors(result.Errors, "Content at start-up is invalid");
        var lastGood = Directory.Exists(SnapshotPath) ? ContentLoader.Load(SnapshotPath, clock) : null;
        if (lastGood?.Snapshot is { } kept)
        {
            logger.LogWarning("Serving the last good content from {SnapshotPath} until the errors are fixed", SnapshotPath);
            return new ContentState(kept, result.Errors);
        }
        throw new InvalidContentException(ContentPath, result.Errors);
    }

    private void KeepAsLastGood()
    {
        try
        {
            // Unique per process: instances on one machine may share a snapshot folder.
            var staging = $"{SnapshotPath}.nieuw-{Environment.ProcessId}";
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
            CopyDirectory(ContentPath, staging);
            if (!ContentLoader.Load(staging, clock).IsValid)
            {
                // The files changed while being copied; the next reload will keep them.
                Directory.Delete(staging, recursive: true);
                return;
            }
            if (Directory.Exists(SnapshotPath))
            {
                Directory.Delete(SnapshotPath, recursive: true);
            }
            Directory.Move(staging, SnapshotPath);
        }
        catch (IOException e)
        {
            logger.LogWarning(e, "Could not keep the last good content in {SnapshotPath}", SnapshotPath);
        }
        catch (UnauthorizedAccessException e)
        {
            logger.LogWarning(e, "Could not keep the last good content in {SnapshotPath}", SnapshotPath);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        }
        foreach (var directory in Directory.GetDirectories(from))
        {
            CopyDirectory(directory, System.IO.Path.Combine(to, System.IO.Path.GetFileName(directory)));
        }
    }

    private void LogErrors(IReadOnlyList<ContentError> errors, string summary)
    {
        logger.LogError("{Summary}: {ErrorCount} error(s)", summary, errors.Count);
        foreach (var error in errors)
        {
            logger.LogError("Content error {File}:{Line}:{Column}: {Message}", error.File, error.Line, error.Column, error.Message);
        }
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        // A new change starts the wait afresh; a pending confirmation is no longer needed.
        Interlocked.Exchange(ref confirmPending, 0);
        debounce.Change(delay, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        watcher?.Dispose();
        debounce.Dispose();
    }
}

/// <summary>The snapshot being served, and the errors of the content on disk when it could not replace it.</summary>
public sealed record ContentState(ContentSnapshot Snapshot, IReadOnlyList<ContentError> Errors)
{
    private static long versions;

    /// <summary>Different for every state the store has been in, so that caches can key on it.</summary>
    public long Version { get; } = Interlocked.Increment(ref versions);

    public bool IsDegraded => Errors.Count > 0;
}

/// <summary>Thrown at start-up when the content is invalid and there is no last good content to fall back on.</summary>
public sealed class InvalidContentException(string path, IReadOnlyList<ContentError> errors)
    : Exception($"De inhoud in {path} bevat {errors.Count} fout(en) en er is geen laatst goede versie:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}")
{
    public IReadOnlyList<ContentError> Errors { get; } = errors;
}
