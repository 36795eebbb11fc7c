namespace Almelo.Perspectief.Web.StaticExport;

/// <summary>
/// Whether the site is being written out as plain files. An exported page has no server behind it, so it must not
/// load what starts Blazor (it would try to open a circuit); an archive copy also says in its footer what it is.
/// </summary>
internal sealed record ExportMode(bool Active, ArchiveStamp? Archive)
{
    /// <summary>The live site: everything as usual.</summary>
    public static readonly ExportMode Live = new(false, null);
}

/// <summary>What an archived copy says about itself: the day it was made and the version of the content it shows.</summary>
internal sealed record ArchiveStamp(DateOnly Date, string ContentVersion);
