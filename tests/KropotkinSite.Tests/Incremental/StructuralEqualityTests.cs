using KropotkinSite.Content;
using KropotkinSite.Engine;
using KropotkinSite.Incremental;
using YamlDotNet.RepresentationModel;

namespace KropotkinSite.Tests.Incremental;

public sealed class StructuralEqualityTests
{
    private static PageInfo Info(string title, params TimelineEvent[] events) =>
        new(title, null, null, SourcePosition.Start, 1, false, events, null);

    private static TimelineEvent Event(string title) =>
        new(new PartialDate(1876, 6, 30), null, title,
            new([new EventPlace("St Petersburg", new SourcePosition(4, 12))]), null,
            "/a.md", new SourcePosition(3, 5));

    [Fact]
    public void Records_holding_lists_are_equal_when_their_items_are()
    {
        Assert.True(StructuralEquality.Equal(Info("A", Event("Escape")), Info("A", Event("Escape"))));
        Assert.False(StructuralEquality.Equal(Info("A", Event("Escape")), Info("A", Event("Escapes"))));
        Assert.False(StructuralEquality.Equal(Info("A", Event("Escape")), Info("A")));
    }

    [Fact]
    public void Documents_are_equal_when_their_bytes_and_every_piece_of_metadata_are()
    {
        Document Page(string title, string text) =>
            Document.Create("/in/a.md", "a/index.html", System.Text.Encoding.UTF8.GetBytes(text))
            .With("page", Info(title)).With("links", new List<string> { "/b/" });

        Assert.True(StructuralEquality.Equal(Page("A", "x"), Page("A", "x")));
        Assert.False(StructuralEquality.Equal(Page("A", "x"), Page("A", "y")));
        Assert.False(StructuralEquality.Equal(Page("A", "x"), Page("B", "x")));
        Assert.False(StructuralEquality.Equal(Page("A", "x"), Page("A", "x").With("extra", 1)));
    }

    [Fact]
    public void A_value_of_another_library_is_equal_only_to_itself_as_its_own_equality_may_leave_out_where_it_stands()
    {
        var a = new YamlScalarNode("title");
        var b = new YamlScalarNode("title");
        Assert.True(StructuralEquality.Equal(a, a));
        Assert.False(StructuralEquality.Equal(a, b));
    }

    [Fact]
    public void Functions_are_equal_when_their_method_and_what_they_hold_are()
    {
        Func<string, bool> Settings(bool drafts) => new Holder(drafts).Accept;
        Assert.True(StructuralEquality.Equal(Settings(true), Settings(true)));
        Assert.False(StructuralEquality.Equal(Settings(true), Settings(false)));
        // A closure's state is not known to be immutable: two closures are never taken for each other.
        Func<string, bool> Closure(string value) => s => s == value;
        Assert.False(StructuralEquality.Equal(Closure("x"), Closure("x")));
    }

    [Fact]
    public void Tuples_dictionaries_and_addresses_compare_by_their_contents()
    {
        Assert.True(StructuralEquality.Equal((1, "a", new[] { 2 }), (1, "a", new[] { 2 })));
        Assert.False(StructuralEquality.Equal((1, "a", new[] { 2 }), (1, "a", new[] { 3 })));
        Assert.True(StructuralEquality.Equal(
            new Dictionary<string, object?> { ["a"] = 1 }, new Dictionary<string, object?> { ["a"] = 1 }));
        Assert.False(StructuralEquality.Equal(
            new Dictionary<string, object?> { ["a"] = 1 }, new Dictionary<string, object?> { ["b"] = 1 }));
        Assert.False(StructuralEquality.Equal(new Uri("https://example.org/#a"), new Uri("https://example.org/#b")));
    }

    [Fact]
    public void Tuples_are_the_same_when_they_hold_the_very_same_objects_and_plain_values()
    {
        var (page, title) = (Document.Create("/a.md", "a/index.html", new byte[] { 1 }), "Bread");
        var copy = Document.Create("/a.md", "a/index.html", new byte[] { 1 });

        Assert.True(StructuralEquality.Same((page, title, 3), (page, title, 3)));
        Assert.False(StructuralEquality.Same((page, title, 3), (copy, title, 3))); // equal, not the same object
        Assert.False(StructuralEquality.Same((page, title, 3), (page, title, 4)));
        Assert.False(StructuralEquality.Same((page, title), (page, new string(title))));
        Assert.True(StructuralEquality.Same(page, page));
        Assert.False(StructuralEquality.Same(page, copy));
    }

    private sealed record Holder(bool Drafts)
    {
        public bool Accept(string path) => Drafts || !path.StartsWith('_');
    }
}
