using KropotkinSite.Preview;

namespace KropotkinSite.Tests.Preview;

/// <summary>A served site made from the last one and what a rebuild changed holds exactly the files a dictionary
/// changed the same way holds, before and after its changes are folded in.</summary>
public sealed class SiteFilesTests
{
    private static ReadOnlyMemory<byte> Bytes(int n) => new[] { (byte)n, (byte)(n >> 8) };

    [Fact]
    public void Sites_made_by_changes_hold_what_a_dictionary_changed_the_same_way_holds()
    {
        var random = new Random(7);
        var paths = Enumerable.Range(0, 300).Select(i => $"p{i}/index.html").ToArray();
        var model = paths.Take(200).ToDictionary(p => p, p => Bytes(p.Length), StringComparer.Ordinal);
        var site = SiteFiles.Of(model);
        for (var step = 0; step < 400; step++)
        {
            var removed = Enumerable.Range(0, random.Next(4)).Select(_ => paths[random.Next(paths.Length)]).ToArray();
            var written = Enumerable.Range(0, random.Next(6))
                .Select(_ => KeyValuePair.Create(paths[random.Next(paths.Length)], Bytes(step))).ToArray();
            foreach (var path in removed) model.Remove(path);
            foreach (var (path, content) in written) model[path] = content;
            site = site.With(removed, written);

            Assert.Equal(model.Count, site.Count);
            Assert.Equal(model.Keys.Order(StringComparer.Ordinal), site.Keys.Order(StringComparer.Ordinal));
            foreach (var path in paths)
            {
                Assert.Equal(model.TryGetValue(path, out var expected), site.TryGetValue(path, out var actual));
                Assert.True(expected.Span.SequenceEqual(actual.Span), path);
            }
        }
    }
}
