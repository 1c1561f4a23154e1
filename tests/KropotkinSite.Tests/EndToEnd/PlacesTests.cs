using System.Text.RegularExpressions;
using AngleSharp.Dom;
using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.EndToEnd;

public sealed class PlacesTests
{
    private const string Register = "Moscow: {lat: 55.756, lon: 37.617}\nChita: {lat: 52.034, lon: 113.5}\n"
        + "London: {lat: 51.507, lon: -0.128}\nParis: {lat: 48.857, lon: 2.352, note: \"the city, not the region\"}\n";

    /// <summary>The minimal site (events in Moscow and Chita) with a register, and an event in London and
    /// Paris.</summary>
    private static TestSite SiteWithRegister()
    {
        var site = TestSite.FromFixture("minimal");
        site.Write("_data/places.yml", Register);
        site.Write("life/abroad.md",
            "---\ntitle: Abroad\nevents:\n"
            + "  - {date: \"1886\", end: \"1887\", title: Lives in two capitals, place: [London, Paris]}\n"
            + "  - {date: \"1917\", title: Leaves London, place: London}\n---\nText.\n");
        return site;
    }

    [Fact]
    public void Every_place_the_events_name_is_listed_once_in_the_order_he_first_came_there_with_its_years()
    {
        using var site = SiteWithRegister();
        site.BuildSuccessfully();
        var places = site.Page("places/index.html");
        Assert.Equal(["1 Moscow 1842", "2 Chita 1862–1867", "3 London 1886–1887, 1917", "4 Paris 1886–1887"],
            places.Texts(".place-entry h2"));
        Assert.Equal(["place-moscow", "place-chita", "place-london", "place-paris"],
            places.QuerySelectorAll(".place-entry").Select(e => e.Id!).ToArray());
        Assert.Equal(["the city, not the region"], places.Texts(".place-entry__note"));
    }

    [Fact]
    public void Each_event_of_a_place_links_to_its_timeline_entry_and_to_the_page_that_tells_of_it()
    {
        using var site = SiteWithRegister();
        site.BuildSuccessfully();
        var timeline = site.Page("timeline/index.html");
        var london = site.Page("places/index.html").GetElementById("place-london")!;
        Assert.Equal(["1886 to 1887: Lives in two capitals", "1917: Leaves London"],
            london.QuerySelectorAll(".place-entry__events > li > a").Select(a => Support.Html.Normalise(a.TextContent))
            .ToArray());
        foreach (var link in london.QuerySelectorAll(".place-entry__events > li > a")
            .Select(a => a.GetAttribute("href")!))
        {
            Assert.StartsWith("/timeline/#", link);
            Assert.NotNull(timeline.GetElementById(link["/timeline/#".Length..]));
        }
        Assert.Equal(["/life/abroad/", "/life/abroad/"], london.QuerySelectorAll(".place-entry__page a")
            .Select(a => a.GetAttribute("href")!).ToArray());
    }

    [Fact]
    public void Each_place_on_the_timeline_links_to_its_entry_on_the_places_page()
    {
        using var site = SiteWithRegister();
        site.BuildSuccessfully();
        var places = site.Page("places/index.html");
        var twoCapitals = site.Page("timeline/index.html").QuerySelectorAll(".event")
            .Single(e => e.TextContent.Contains("Lives in two capitals"));
        Assert.Equal(["London", "Paris"], twoCapitals.QuerySelectorAll(".event__place a").Select(a => a.TextContent)
            .ToArray());
        foreach (var href in twoCapitals.QuerySelectorAll(".event__place a").Select(a => a.GetAttribute("href")!))
        {
            Assert.StartsWith("/places/#", href);
            Assert.NotNull(places.GetElementById(href["/places/#".Length..]));
        }
    }

    [Fact]
    public void The_map_marks_every_place_with_a_numbered_link_to_its_entry_inside_a_figure_with_a_caption()
    {
        using var site = SiteWithRegister();
        site.BuildSuccessfully();
        var places = site.Page("places/index.html");
        var figure = places.QuerySelector("figure.places-map")!;
        Assert.NotNull(figure.QuerySelector("figcaption"));
        var markers = MapMarkers(places);
        Assert.Equal(["1: Moscow", "2: Chita", "3: London", "4: Paris (the city, not the region)"],
            markers.Select(m => m.GetAttribute("aria-label")!).Order().ToArray());
        foreach (var marker in markers)
            Assert.NotNull(places.GetElementById(marker.GetAttribute("href")!.TrimStart('#')));
        Assert.Matches(new Regex("^M[0-9]"), figure.QuerySelector("path.places-map__land")!.GetAttribute("d")!);
        var viewBox = figure.QuerySelector("svg")!.GetAttribute("viewBox")!.Split(' ').Select(double.Parse).ToArray();
        foreach (var circle in figure.QuerySelectorAll("a circle"))
        {
            Assert.InRange(double.Parse(circle.GetAttribute("cx")!), 0, viewBox[2]);
            Assert.InRange(double.Parse(circle.GetAttribute("cy")!), 0, viewBox[3]);
        }
    }

    [Fact]
    public void A_place_added_to_the_register_and_to_an_event_appears_in_the_list_and_on_the_map_after_a_rebuild()
    {
        using var site = SiteWithRegister();
        site.BuildSuccessfully();
        Assert.DoesNotContain("Geneva", site.ReadOutput("places/index.html"));

        site.Write("_data/places.yml", Register + "Geneva: {lat: 46.204, lon: 6.143}\n");
        site.Write("life/later.md",
            "---\ntitle: Later years\norder: 2\nevents:\n  - date: \"1876-06\"\n    title: Escapes\n    place: Geneva\n"
            + "---\n## Exile\n\nAbroad.\n");
        site.BuildSuccessfully();

        var places = site.Page("places/index.html");
        Assert.Contains("3 Geneva 1876", places.Texts(".place-entry h2"));
        Assert.Contains("3: Geneva", MapMarkers(places).Select(m => m.GetAttribute("aria-label")));
    }

    [Fact]
    public void A_site_without_a_register_lists_its_places_and_draws_no_map()
    {
        using var site = TestSite.FromFixture("minimal");
        site.BuildSuccessfully();
        var places = site.Page("places/index.html");
        Assert.Equal(["1 Moscow 1842", "2 Chita 1862–1867"], places.Texts(".place-entry h2"));
        Assert.Empty(places.QuerySelectorAll("svg"));
        Assert.Contains("no register of places", places.QuerySelector(".empty")!.TextContent);
    }

    [Fact]
    public void A_site_whose_events_name_no_place_has_a_places_page_that_says_so_and_is_in_the_navigation()
    {
        using var site = TestSite.Minimal();
        site.BuildSuccessfully();
        var places = site.Page("places/index.html");
        Assert.Contains("No event names a place", places.QuerySelector(".empty")!.TextContent);
        Assert.Contains("/places/", site.Page("index.html").Hrefs(".site-nav a"));
    }

    [Fact]
    public void The_places_page_takes_its_title_and_introduction_from_places_index_md()
    {
        using var site = SiteWithRegister();
        site.Write("places/index.md", "---\ntitle: Where he lived\n---\nFrom Moscow to London and back.\n");
        site.BuildSuccessfully();
        var places = site.Page("places/index.html");
        Assert.Equal("Where he lived", places.QuerySelector("h1")!.TextContent);
        Assert.Contains("From Moscow to London and back.", places.QuerySelector("article")!.TextContent);
    }

    [Fact]
    public void A_place_the_register_lacks_is_reported_at_the_events_place_with_the_closest_registered_name()
    {
        using var site = SiteWithRegister();
        site.BuildSuccessfully();
        var before = site.Snapshot();
        site.Write("life/abroad.md",
            "---\ntitle: Abroad\nevents:\n  - date: \"1886\"\n    title: Moves\n"
            + "    place:\n      - London\n      - Pariss\n---\nText.\n");

        var run = site.Build();

        var error = Assert.Single(BuildPromises.AssertFailedCleanly(site, run, before, "unknown place"));
        Assert.Equal(("life/abroad.md", 8, 9, "KS0020"), (error.File, error.Line, error.Column, error.Code));
        Assert.Contains("did you mean 'Paris'?", error.Message);
    }

    [Theory]
    [InlineData("lat: 91", "KS0019", 1, 26)]
    [InlineData("lat: -90.5", "KS0019", 1, 26)]
    [InlineData("lat: north", "KS0006", 1, 26)]
    [InlineData("lon: 37.617", "KS0005", 1, 1)]
    public void A_position_that_is_missing_out_of_range_or_not_a_number_is_reported_at_its_line(string position,
        string code, int line, int column)
    {
        using var site = SiteWithRegister();
        site.BuildSuccessfully();
        var before = site.Snapshot();
        var moscow = position.StartsWith("lat", StringComparison.Ordinal)
            ? $"Moscow: {{lon: 37.6, {position}}}"
            : $"Moscow: {{{position}}}";
        site.Write("_data/places.yml", moscow + "\n" + Register[(Register.IndexOf('\n') + 1)..]);

        var run = site.Build();

        var error = Assert.Single(BuildPromises.AssertFailedCleanly(site, run, before, position));
        Assert.Equal(("_data/places.yml", line, column, code), (error.File, error.Line, error.Column, error.Code));
    }

    private static IElement[] MapMarkers(IDocument places) => places.QuerySelectorAll("figure.places-map svg a")
        .ToArray();
}
