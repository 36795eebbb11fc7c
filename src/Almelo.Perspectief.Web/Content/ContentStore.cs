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
/// switched to a new release, which a file watcher cannot see. A read that finds the same validated bytes as the
/// ones served (a <c>touch</c>, an editor's swap file) changes nothing: same state, same version, caches kept.
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
    private string servedHash = string.Empty;
    private int confirmPending;
    private int polling;

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
        debounce = clock.CreateTimer(_ => ReloadAfterQuiet(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        poll = clock.CreateTimer(_ => Poll(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
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
    /// the app's folder), so that a test site never falls back to the content of another site. It lies in the site
    /// user's own state folder (<c>$XDG_STATE_HOME</c>, else <c>~/.local/state</c>), not in a temp folder that every
    /// user may write to; only a user without a home folder gets the temp folder, where the check before use
    /// (<see cref="LastGoodFolderProblem"/>) still refuses a folder someone else planted.
    /// </summary>
    public static string DefaultSnapshotPath(string contentPath, string contentRoot)
    {
        var identity = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(contentPath + "\n" + contentRoot)))[..16];
        return Path.Combine(StateFolder(), "almelo-perspectief", "laatst-goed-" + identity);
    }

    private static string StateFolder()
    {
        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        if (!string.IsNullOrEmpty(state) && Path.IsPathFullyQualified(state))
        {
            return state;
        }
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return home.Length > 1 && Directory.Exists(home) ? Path.Combine(home, ".local", "state") : Path.GetTempPath();
    }

    /// <summary>
    /// Why a last good folder must not be trusted, or null when it may: on Unix it must be a real folder (not a link)
    /// of the site's own user that no one else can write to, in a parent no one else can write to (unless that parent
    /// is sticky, as /tmp is, so that others cannot replace what is in it). Windows folders keep their ACLs.
    /// </summary>
    public static string? LastGoodFolderProblem(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }
        var folder = new DirectoryInfo(path);
        if (folder.LinkTarget is not null)
        {
            return "it is a symbolic link";
        }
        const UnixFileMode OthersWrite = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
        if ((folder.UnixFileMode & OthersWrite) != 0)
        {
            return "other users may write to it";
        }
        if (folder.Parent is { } parent && (parent.UnixFileMode & OthersWrite) != 0 && (parent.UnixFileMode & UnixFileMode.StickyBit) == 0)
        {
            return "other users may write to the folder it is in";
        }
        try
        {
            // .NET cannot read a file's owner, but only the owner (or root) may change its mode: setting the mode it
            // already has tells whether the folder is the site user's own.
            folder.UnixFileMode = folder.UnixFileMode;
            return null;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return "it belongs to another user";
        }
    }

    /// <summary>
    /// Loads the content before the first request: invalid or unreadable content without a last good copy stops the
    /// start with every error (<see cref="InvalidContentException"/>). Honours the host's cancellation (a SIGTERM during
    /// a slow start ends it).
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            state = Start(cancellationToken);
            servedHash = HashOf(state.Snapshot);
            fingerprint = StartFingerprint(cancellationToken);
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
                var hash = HashOf(snapshot);
                if (hash == servedHash && !State.IsDegraded)
                {
                    logger.LogDebug("Content read again from {ContentPath}: the same files, nothing changed", ContentPath);
                    return;
                }
                next = new ContentState(snapshot, []);
                logger.LogInformation("Content reloaded from {ContentPath}: {PublicationCount} publication(s)", ContentPath, snapshot.Publications.Count);
                if (hash != servedHash)
                {
                    KeepAsLastGood(snapshot);
                    servedHash = hash;
                }
            }
            else if (confirmErrors)
            {
                Interlocked.Exchange(ref confirmPending, 1);
                debounce.Change(delay, Timeout.InfiniteTimeSpan);
                return;
            }
            else if (State.Errors.SequenceEqual(result.Errors))
            {
                logger.LogDebug("Content read again from {ContentPath}: the same errors as before", ContentPath);
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

    private ContentState Start(CancellationToken cancellationToken)
    {
        var result = LoadAtStart(ContentPath, cancellationToken);
        if (result.Snapshot is { } snapshot)
        {
            logger.LogInformation("Content loaded from {ContentPath}: {PublicationCount} publication(s)", ContentPath, snapshot.Publications.Count);
            KeepAsLastGood(snapshot);
            return new ContentState(snapshot, []);
        }

        LogErrors(result.Errors, "Content at start-up is invalid");
        if (Directory.Exists(SnapshotPath) && LastGoodFolderProblem(SnapshotPath) is { } problem)
        {
            logger.LogWarning("Ignoring the last good folder {SnapshotPath}: {Problem}", SnapshotPath, problem);
        }
        else if (Directory.Exists(SnapshotPath) && LoadAtStart(SnapshotPath, cancellationToken).Snapshot is { } kept)
        {
            logger.LogWarning("Serving the last good content from {SnapshotPath} until the errors are fixed", SnapshotPath);
            return new ContentState(kept, result.Errors);
        }
        throw new InvalidContentException(ContentPath, result.Errors);
    }

    /// <summary>
    /// Any failure to read at start-up counts as invalid content, so that the last good copy is served: the loader
    /// reports what it foresees as errors, and this catches what it does not.
    /// </summary>
    private ContentLoadResult LoadAtStart(string path, CancellationToken cancellationToken)
    {
        try
        {
            return ContentLoader.Load(path, clock, cancellationToken);
        }
#pragma warning disable CA1031 // Whatever the folder does, the site starts on the last good copy if there is one.
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Reading {Path} failed", path);
            return new ContentLoadResult(null, [new ContentError(".", 1, 1, "De inhoudsmap kon niet worden gelezen. Controleer of de map bestaat en leesbaar is, en of er geen snelkoppelingen in staan.")]);
        }
    }

    /// <summary>A hash over the paths and bytes of the files a snapshot was read from: equal exactly when the validated content is.</summary>
    private static string HashOf(ContentSnapshot snapshot)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in snapshot.Files.OrderBy(f => f.RelativePath, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file.RelativePath + "\0"));
            hash.AppendData(Encoding.UTF8.GetBytes(file.Bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\0"));
            hash.AppendData(file.Bytes.Span);
        }
        return Convert.ToHexString(hash.GetHashAndReset());
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
            CreateOwnFolder(Path.GetDirectoryName(SnapshotPath) ?? SnapshotPath);
            CreateOwnFolder(staging);
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

    /// <summary>Only the site's user may read or change the last good copy (mode 0700 where the system has modes).</summary>
    private static void CreateOwnFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>
    /// Every few seconds: when the folder the path leads to, or any file's name, size or time, differs from the last
    /// read, read again and watch the folder anew (a deploy may have replaced it, or switched a link to a new release).
    /// </summary>
    private void Poll()
    {
        // A timer does not wait for its callback: a check that outlasts the interval must not run twice at once.
        if (Interlocked.Exchange(ref polling, 1) == 1)
        {
            return;
        }
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
        finally
        {
            Volatile.Write(ref polling, 0);
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

    /// <summary>
    /// Names, kinds, sizes and times of the content tree as <see cref="ContentTree"/> lists it (links never followed,
    /// hidden and swap files left out, bounded), and where the content path leads: cheap to compare, changes with any edit.
    /// </summary>
    private string Fingerprint(CancellationToken cancellationToken = default)
    {
        var path = RealPath();
        if (path is null)
        {
            return string.Empty;
        }
        var listing = ContentTree.Walk(path, cancellationToken);
        var text = new StringBuilder(path).Append('\n');
        foreach (var entry in listing.Entries)
        {
            text.Append(entry.Path).Append('|').Append(entry.Kind).Append('|').Append(entry.Length).Append('|').Append(entry.LastWriteTimeUtc.UtcTicks).Append('\n');
        }
        foreach (var error in listing.Errors)
        {
            text.Append(error).Append('\n');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The first fingerprint; a folder that cannot be checked now is simply read again at the first poll.</summary>
    private string StartFingerprint(CancellationToken cancellationToken)
    {
        try
        {
            return Fingerprint(cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Checking {ContentPath} for changes failed; trying again at the next check", ContentPath);
            return string.Empty;
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
        if (NotContent(e.Name) && (e is not RenamedEventArgs renamed || NotContent(renamed.OldName)))
        {
            return;
        }
        // A new change starts the wait afresh; a pending confirmation is no longer needed.
        Interlocked.Exchange(ref confirmPending, 0);
        debounce.Change(delay, Timeout.InfiniteTimeSpan);
    }

    /// <summary>A change below a hidden folder or to an editor's swap file: the content cannot have changed.</summary>
    private static bool NotContent(string? relative) =>
        relative is not null && relative.Split(Path.DirectorySeparatorChar).Any(part => ContentTree.IsSkipped(part));

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
internal sealed class InvalidContentException(string path, IReadOnlyList<ContentError> errors)
    : Exception($"De inhoud in {path} bevat {errors.Count} fout(en) en er is geen laatst goede versie:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}")
{
    public IReadOnlyList<ContentError> Errors { get; } = errors;
}
