using System.Security.Cryptography;
using System.Text;
using Almelo.Perspectief.Content.Loading;
using Almelo.Perspectief.Content.Model;
using Microsoft.Extensions.Options;

namespace Almelo.Perspectief.Web.Content;

/// <summary>
/// Owns the snapshot the site serves. Reads the content folder when the host starts, again after every change
/// (debounced), and swaps in a new snapshot only when it is valid; otherwise it keeps the last good one and reports
/// the errors. The files of the last good content are also written to disk, so that a restart with broken content
/// still serves them. A slow poll follows a content folder that is replaced or a <c>Content:Path</c> link that is
/// switched to a new release, which a file watcher cannot see.
/// </summary>
public sealed class ContentStore : IContentSource, IHostedService, IDisposable
{
    private readonly ILogger<ContentStore> logger;
    private readonly TimeProvider clock;
    private readonly ITimer debounce;
    private readonly ITimer poll;
    private readonly TimeSpan delay;
    private readonly TimeSpan pollInterval;
    private readonly Lock gate = new();
    private volatile ContentState? state;
    private FileSystemWatcher? watcher;
    private string? watchedPath;
    private string fingerprint = string.Empty;
    private int confirmPending;

    public ContentStore(IOptions<ContentOptions> options, IHostEnvironment environment, ILogger<ContentStore> logger, TimeProvider clock)
    {
        this.logger = logger;
        this.clock = clock;
        ContentPath = Path.GetFullPath(options.Value.Path, environment.ContentRootPath);
        SnapshotPath = string.IsNullOrWhiteSpace(options.Value.SnapshotPath)
            ? DefaultSnapshotPath(ContentPath, environment.ContentRootPath)
            : Path.GetFullPath(options.Value.SnapshotPath, environment.ContentRootPath);
        delay = TimeSpan.FromMilliseconds(options.Value.ReloadDelayMilliseconds);
        pollInterval = TimeSpan.FromSeconds(options.Value.PollSeconds);
        debounce = TimeProvider.System.CreateTimer(_ => ReloadAfterQuiet(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        poll = TimeProvider.System.CreateTimer(_ => Poll(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public string ContentPath { get; }

    public string SnapshotPath { get; }

    /// <inheritdoc />
    public ContentState State => state ?? throw new InvalidOperationException("The content store has not started yet.");

    /// <inheritdoc />
    public ContentSnapshot Current => State.Snapshot;

    /// <summary>Raised after every reload that changed what the site shows: a new snapshot, or new errors.</summary>
    public event Action<ContentState>? StateChanged;

    /// <summary>
    /// The last good folder when none is configured: one per site on the machine (derived from the content folder and
    /// the app's folder), so that a test site never falls back to the content of another site.
    /// </summary>
    public static string DefaultSnapshotPath(string contentPath, string contentRoot)
    {
        var identity = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(contentPath + "\n" + contentRoot)))[..16];
        return Path.Combine(Path.GetTempPath(), "almelo-perspectief", "laatst-goed-" + identity);
    }

    /// <summary>
    /// Loads the content before the first request: invalid content without a last good copy stops the start with
    /// every error (<see cref="InvalidContentException"/>).
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            state = Start();
            fingerprint = Fingerprint();
        }
        Watch();
        poll.Change(pollInterval, pollInterval);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        poll.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        debounce.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

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
        // Reading is bounded (ContentLimits), so the lock is held for at most about two seconds.
        ContentState next;
        lock (gate)
        {
            fingerprint = Fingerprint();
            var result = ContentLoader.Load(ContentPath, clock);
            if (result.Snapshot is { } snapshot)
            {
                next = new ContentState(snapshot, []);
                logger.LogInformation("Content reloaded from {ContentPath}: {PublicationCount} publication(s)", ContentPath, snapshot.Publications.Count);
                KeepAsLastGood(snapshot);
            }
            else if (confirmErrors)
            {
                Interlocked.Exchange(ref confirmPending, 1);
                debounce.Change(delay, Timeout.InfiniteTimeSpan);
                return;
            }
            else
            {
                next = new ContentState(State.Snapshot, result.Errors);
                LogErrors(result.Errors, "Content change rejected; still serving the last good content");
            }
            state = next;
        }
        StateChanged?.Invoke(next);
    }

    private ContentState Start()
    {
        var result = ContentLoader.Load(ContentPath, clock);
        if (result.Snapshot is { } snapshot)
        {
            logger.LogInformation("Content loaded from {ContentPath}: {PublicationCount} publication(s)", ContentPath, snapshot.Publications.Count);
            KeepAsLastGood(snapshot);
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

    /// <summary>
    /// Writes the files the snapshot was read from, exactly the bytes that were validated: only declared, regular files,
    /// capped in size by <see cref="ContentLimits.MaxContentBytes"/>, never anything else the folder holds.
    /// </summary>
    private void KeepAsLastGood(ContentSnapshot snapshot)
    {
        // Unique per process: instances on one machine may share a snapshot folder.
        var staging = $"{SnapshotPath}.nieuw-{Environment.ProcessId}";
        try
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
            foreach (var file in snapshot.Files)
            {
                var target = Path.GetFullPath(Path.Combine(staging, file.RelativePath));
                Directory.CreateDirectory(Path.GetDirectoryName(target) ?? staging);
                File.WriteAllBytes(target, file.Bytes.ToArray());
            }
            if (Directory.Exists(SnapshotPath))
            {
                Directory.Delete(SnapshotPath, recursive: true);
            }
            Directory.Move(staging, SnapshotPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Could not keep the last good content in {SnapshotPath}", SnapshotPath);
        }
    }

    /// <summary>
    /// Every few seconds: when the folder the path leads to, or any file's name, size or time, differs from the last
    /// read, read again and watch the folder anew (a deploy may have replaced it, or switched a link to a new release).
    /// </summary>
    private void Poll()
    {
        try
        {
            if (RealPath() != watchedPath)
            {
                Watch();
            }
            if (Fingerprint() != fingerprint)
            {
                OnChange(this, new FileSystemEventArgs(WatcherChangeTypes.Changed, ContentPath, null));
            }
        }
#pragma warning disable CA1031 // A timer callback that throws would end the process.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogWarning(e, "Checking {ContentPath} for changes failed; trying again", ContentPath);
        }
    }

    private void Watch()
    {
        var path = RealPath();
        var next = path is null ? null : new FileSystemWatcher(path)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        if (next is not null)
        {
            next.Changed += OnChange;
            next.Created += OnChange;
            next.Deleted += OnChange;
            next.Renamed += OnChange;
            next.Error += (_, _) => watchedPath = null;
            next.EnableRaisingEvents = true;
        }
        Interlocked.Exchange(ref watcher, next)?.Dispose();
        watchedPath = path;
    }

    /// <summary>The folder the content path leads to now (following a link to a release folder), or null when there is none.</summary>
    private string? RealPath()
    {
        var info = new DirectoryInfo(ContentPath);
        if (!info.Exists)
        {
            return null;
        }
        var path = info.LinkTarget is null ? info.FullName : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        return path is not null && Directory.Exists(path) ? path : null;
    }

    /// <summary>Names, sizes and times of everything in the content folder, and where it leads: cheap to compare, changes with any edit.</summary>
    private string Fingerprint()
    {
        var path = RealPath();
        if (path is null)
        {
            return string.Empty;
        }
        var text = new StringBuilder(path).Append('\n');
        var entries = new DirectoryInfo(path).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.None, IgnoreInaccessible = true });
        foreach (var entry in entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            var length = entry is FileInfo file ? file.Length : 0;
            text.Append(entry.FullName).Append('|').Append(length).Append('|').Append(entry.LastWriteTimeUtc.Ticks).Append('\n');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
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
        poll.Dispose();
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
