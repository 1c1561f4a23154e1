using KropotkinSite.Engine;

namespace KropotkinSite.Tests.Engine;

public sealed class DocumentMetadataTests
{
    [Fact]
    public void Keys_set_in_any_order_are_kept_in_ordinal_order_each_once_with_their_last_value()
    {
        var metadata = DocumentMetadata.Empty.SetItem("title", "A").SetItem("Url", "/a/").SetItem("body", 1)
            .SetItem("title", "B").SetItem("a", null);

        Assert.Equal(["Url", "a", "body", "title"], metadata.Entries.Select(e => e.Key));
        Assert.True(metadata.TryGetValue("title", out var title));
        Assert.Equal("B", title);
        Assert.True(metadata.TryGetValue("a", out var nothing));
        Assert.Null(nothing);
        Assert.False(metadata.TryGetValue("url", out _)); // keys are compared ordinally
    }

    [Fact]
    public void Removing_a_key_leaves_the_others_and_the_metadata_it_was_taken_from_as_they_were()
    {
        var before = DocumentMetadata.Empty.SetItem("b", 2).SetItem("a", 1).SetItem("c", 3);

        var after = before.Remove("b").Remove("absent");

        Assert.Equal(["a", "c"], after.Entries.Select(e => e.Key));
        Assert.Equal([1, 3], after.Entries.Select(e => e.Value));
        Assert.Equal(["a", "b", "c"], before.Entries.Select(e => e.Key));
        Assert.Same(after, after.Remove("absent"));
    }
}
