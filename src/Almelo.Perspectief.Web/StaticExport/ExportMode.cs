namespace Almelo.Perspectief.Web.StaticExport;

/// <summary>
/// Whether the site is being written out as plain files. An exported page has no server behind it, so it must not
/// load what starts Blazor (it would try to open a circuit); it says in its footer when it was made, since text that
/// depends on the date stands still from then on. An archive copy also says what it is; a preview says on every page
/// that it is not the site, and asks search engines to leave it out.
/// </summary>
internal sealed record ExportMode(bool Active, ArchiveStamp? Archive, DateOnly? Made = null, PreviewAddress? Preview = null)
{
    /// <summary>The live site: everything as usual.</summary>
    public static readonly ExportMode Live = new(false, null);
}

/// <summary>What an archived copy says about itself: the day it was made and the version of the content it shows.</summary>
internal sealed record ArchiveStamp(DateOnly Date, string ContentVersion);
