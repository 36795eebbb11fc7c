using Microsoft.AspNetCore.Components.Forms;

namespace Almelo.Perspectief.Web.Hosting;

/// <summary>
/// The site has no forms, so no antiforgery token is ever needed. Blazor's default provider still creates one for
/// every page with an interactive island, which sets a cookie and marks the page uncacheable. This provider offers
/// none: no cookie for residents (see /privacy), and pages that can be cached.
/// </summary>
internal sealed class NoAntiforgeryState : AntiforgeryStateProvider
{
    public override AntiforgeryRequestToken? GetAntiforgeryToken() => null;
}
