using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Web.Content;

/// <summary>What pages, components and endpoints read: the valid snapshot being served, and the state it belongs to.</summary>
internal interface IContentSource
{
    /// <summary>The snapshot being served and the errors of the content on disk, if any.</summary>
    ContentState State { get; }

    /// <summary>The snapshot being served: always a valid one.</summary>
    ContentSnapshot Current { get; }
}
