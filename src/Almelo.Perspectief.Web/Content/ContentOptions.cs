using System.ComponentModel.DataAnnotations;

namespace Almelo.Perspectief.Web.Content;

/// <summary>Where the content lives and how the site follows changes to it (section <c>Content</c>).</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The content folder; a relative path is taken from the app's content root.</summary>
    [Required]
    public string Path { get; set; } = string.Empty;

    /// <summary>
    /// Where the last good content is kept, to serve when the content on disk is broken at start-up. Empty: a folder in
    /// the system's temp directory named after this site's content folder and app folder, so each site has its own.
    /// </summary>
    public string SnapshotPath { get; set; } = string.Empty;

    /// <summary>How long to wait after the last file change before reading the content again, so that a save in several writes is read once.</summary>
    [Range(10, 10_000)]
    public int ReloadDelayMilliseconds { get; set; } = 300;

    /// <summary>How often to check, besides the file watcher, whether the content folder was replaced or changed (a deploy that swaps a link).</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 10;
}
