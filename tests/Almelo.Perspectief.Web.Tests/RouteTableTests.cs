using System.Reflection;
using Almelo.Perspectief.Content.Loading;
using Almelo.Perspectief.Content.Model;
using Almelo.Perspectief.Content.Tests;
using Almelo.Perspectief.Web.Addresses;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>The route table is the one owner of addresses: each route is what an endpoint is mapped with, and builds the addresses it answers.</summary>
public sealed class RouteTableTests
{
    [Fact]
    public void EveryRoute_IsTheTemplateOfAnEndpointOfTheSite()
    {
        using var content = ContentFixture.Reference();
        using var factory = new PerspectiefFactory(content.Root);
        var mapped = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText)
            .ToHashSet(StringComparer.Ordinal);

        var fields = typeof(RouteTable).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.GetValue(null)).ToList();
        var routes = fields.OfType<AddressRoute>()
            .Concat(fields.OfType<PageRoute>().SelectMany(r => r.Routes))
            .Concat(fields.OfType<PublicationPageRoute>().SelectMany(r => r.Routes))
            .ToList();

        Assert.Equal(29, routes.Count);
        Assert.All(routes, route => Assert.Contains(route.Template, mapped));
    }

    [Fact]
    public void Paths_FillTheTemplatesWithThePublicationAndItsParts()
    {
        var publication = ContentLoader.Load(ContentFixture.ReferenceContent).Snapshot!.Find(ContentFixture.Slug)!;
        var meeting = publication.Meetings[0];
        var file = publication.Files.First();
        var source = publication.Sources[0];
        const string Page = "/" + ContentFixture.Slug;

        Assert.Equal("/", RouteTable.Home.Path());
        Assert.Equal(Page, RouteTable.Publication.Path(publication));
        Assert.Equal(Page + "/cijfers.csv", RouteTable.FiguresCsv.Path(publication));
        Assert.Equal(Page + "/cijfers.json", RouteTable.FiguresJson.Path(publication));
        Assert.Equal(Page + "/vergaderingen.ics", RouteTable.Calendar.Path(publication));
        Assert.Equal($"{Page}/vergaderingen/{meeting.Id}.ics", RouteTable.MeetingCalendar.Path(publication, meeting));
        Assert.Equal($"{Page}/{file.Path}", RouteTable.File.Path(publication, file));
        Assert.Equal($"{Page}/bron/{source.Id}", RouteTable.SourcePage.Path(publication, source));
        Assert.Equal($"{Page}/grafiek/{publication.Charts[0].Id}.svg", RouteTable.ChartSvg.Path(publication, publication.Charts[0]));
        Assert.Equal($"{Page}/grafiek/{publication.Charts[0].Id}.png", RouteTable.ChartPng.Path(publication, publication.Charts[0]));
        Assert.Equal(Page + "/deelafbeelding.png", RouteTable.ShareImage.Path(publication));
        Assert.Equal($"/_eiland/{ContentFixture.Slug}/wetten", RouteTable.Island.Path(publication));
        Assert.Equal("/.well-known/security.txt", RouteTable.SecurityTxt.Path());
    }

    [Fact]
    public void PagePaths_FollowTheLanguage_AndAnEditionItsOwn()
    {
        var publication = ContentLoader.Load(ContentFixture.ReferenceContent).Snapshot!.Find(ContentFixture.Slug)!;
        var english = publication with { Language = SiteLanguage.English };

        Assert.Equal(("/", "/en"), (RouteTable.Home.Path(SiteLanguage.Dutch), RouteTable.Home.Path(SiteLanguage.English)));
        Assert.Equal(("/toegankelijkheid", "/en/accessibility"), (RouteTable.Accessibility.Path(SiteLanguage.Dutch), RouteTable.Accessibility.Path(SiteLanguage.English)));
        Assert.Equal(("/privacy", "/en/privacy"), (RouteTable.Privacy.Path(SiteLanguage.Dutch), RouteTable.Privacy.Path(SiteLanguage.English)));
        Assert.Equal("/en/" + ContentFixture.Slug, RouteTable.Publication.Path(english));
        Assert.Equal("/en/" + ContentFixture.Slug, RouteTable.Publication.Path(ContentFixture.Slug, SiteLanguage.English));
        // Downloads stay one per publication, at the Dutch address, whichever edition builds them.
        Assert.Equal("/" + ContentFixture.Slug + "/cijfers.json", RouteTable.FiguresJson.Path(english));
        // Every English template starts with the English prefix.
        Assert.All(
            new[] { RouteTable.Home, RouteTable.Accessibility, RouteTable.Privacy }.Select(r => r.Routes[1].Template).Append(RouteTable.EnglishPublicationTemplate),
            template => Assert.StartsWith(SiteLanguage.English.PathPrefix, template, StringComparison.Ordinal));
    }

    [Fact]
    public void Route_TemplateWithOtherParametersThanItsBuilderFills_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new FixedRoute("/{slug}/cijfers.csv"));
}
