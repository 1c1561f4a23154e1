using System.Text;
using KropotkinSite.Pipelines;
using KropotkinSite.Preview;
using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.Preview;

/// <summary>In a preview session, an edit to a place's position or to an event's place updates the places page's
/// list and map, to exactly what a full build gives.</summary>
public sealed class PlacesPreviewTests
{
    private const string Register =
        "Moscow: {lat: 55.756, lon: 37.617}\nChita: {lat: 52.034, lon: 113.5}\nLondon: {lat: 51.507, lon: -0.128}\n";

    public static TheoryData<string> Edits => new(["move a place", "give an event another place",
        "add a place to the register and an event"]);

    [Theory]
    [MemberData(nameof(Edits))]
    public void An_edit_to_the_places_updates_the_list_and_the_map_as_a_full_build_does(string edit)
    {
        using var site = TestSite.FromFixture("minimal");
        site.Write("_data/places.yml", Register);
        var session = new PreviewSession(new BuildOptions(site.Input, site.Output, site.Theme));
        Assert.Empty(session.Rebuild().Errors);
        var before = Served(session, "places/index.html");

        var changed = Apply(site, edit);
        var rebuilt = session.Rebuild(changed.Select(file => Path.Combine(site.Input, file)));

        Assert.Empty(rebuilt.Errors);
        var after = Served(session, "places/index.html");
        Assert.NotEqual(before, after);
        Assert.Equal(Expected(edit), Support.Html.Parse(after).Texts(".place-entry h2"));
        site.BuildSuccessfully();
        foreach (var (path, bytes) in site.Snapshot())
            Assert.True(bytes.AsSpan().SequenceEqual(session.Current.Files[path].Span),
                $"{path} differs from a full build after '{edit}'");
    }

    /// <summary>Makes the edit; returns the files it wrote, as the watcher would report them.</summary>
    private static string[] Apply(TestSite site, string edit)
    {
        switch (edit)
        {
            case "move a place":
                site.Write("_data/places.yml", Register.Replace("lat: 52.034, lon: 113.5", "lat: 52.3, lon: 104.3"));
                return ["_data/places.yml"];
            case "give an event another place":
                site.Write("life/early.md", File.ReadAllText(Path.Combine(site.Input, "life", "early.md"))
                    .Replace("place: Chita", "place: London"));
                return ["life/early.md"];
            default:
                site.Write("_data/places.yml", Register + "Geneva: {lat: 46.204, lon: 6.143}\n");
                site.Write("life/early.md", File.ReadAllText(Path.Combine(site.Input, "life", "early.md"))
                    .Replace("place: Chita", "place: [Chita, Geneva]"));
                return ["_data/places.yml", "life/early.md"];
        }
    }

    private static string[] Expected(string edit) => edit switch
    {
        "move a place" => ["1 Moscow 1842", "2 Chita 1862–1867"],
        "give an event another place" => ["1 Moscow 1842", "2 London 1862–1867"],
        _ => ["1 Moscow 1842", "2 Chita 1862–1867", "3 Geneva 1862–1867"],
    };

    private static string Served(PreviewSession session,
        string path) => Encoding.UTF8.GetString(session.Current.Files[path].Span);
}
