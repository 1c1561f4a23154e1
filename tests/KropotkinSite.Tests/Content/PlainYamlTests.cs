using KropotkinSite.Content;
using KropotkinSite.Tests.Support;
using YamlDotNet.Core;

namespace KropotkinSite.Tests.Content;

public sealed class PlainYamlTests
{
    [Theory]
    [InlineData("title: Siberia\n")]
    [InlineData("title: \"Mutual Aid: A Factor of Evolution\"\ndescription: C# and F#, http://example.org/a?b=1\n")]
    [InlineData("\n\ntitle: x   \n\n   \norder: 28\ndraft: true\nempty: \"\"\n")]
    [InlineData("events:\n  - date: \"1872\"\n    title: Zürich — “quoted”\n    place: Zurich\n" +
        "  - date: 1876\nkind: book\n")]
    [InlineData("events:\n- date: 1872\n  title: t\n- date: 1876\nafter: x\n")]
    [InlineData("a:\n  b:\n    c: d\n  e:\n  - x\n  - \"y\"\ng: h\n")]
    [InlineData("a:\n  - k:\n      - x\n    l: 2\n  -   m: n\n")]
    [InlineData("start_here: true\nstart-here: ~\n_x: null\n")]
    public void Plain_front_matter_gives_the_very_events_of_yamldotnets_parser(string yaml)
    {
        var plain = PlainYaml.Read(yaml);
        Assert.NotNull(plain);
        Assert.Equal(YamlEvents.OfYamlDotNet(yaml), plain.Select(YamlEvents.Describe));
    }

    [Fact]
    public void The_front_matter_of_every_page_of_the_site_is_read_plain_into_yamldotnets_events()
    {
        var read = 0;
        foreach (var file in Directory.EnumerateFiles(Repository.Input, "*.md", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file).ReplaceLineEndings("\n");
            var end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
            if (!text.StartsWith("---\n", StringComparison.Ordinal) || end < 0) continue;
            var yaml = text[4..(end + 1)];
            if (PlainYaml.Read(yaml) is not { } plain) continue;
            Assert.Equal(YamlEvents.OfYamlDotNet(yaml), plain.Select(YamlEvents.Describe));
            read++;
        }
        Assert.True(read > 30, $"only {read} pages read plain");
    }

    [Theory]
    [InlineData("title: x # a comment\n")]
    [InlineData("# a comment\ntitle: x\n")]
    [InlineData("place: [London, Paris]\n")]
    [InlineData("a: {x: 1}\n")]
    [InlineData("title: \"a \\\" quote\"\n")]
    [InlineData("title: 'single'\n")]
    [InlineData("base: &b x\nother: *b\n")]
    [InlineData("a: !!str x\n")]
    [InlineData("a: |\n  block\n")]
    [InlineData("title: a\n  continued\n")]
    [InlineData("title: \"a\n  continued\"\n")]
    [InlineData("title:\nnext: x\n")]
    [InlineData("title: a: b\n")]
    [InlineData("order: -3\n")]
    [InlineData("a:\n\tb: 1\n")]
    [InlineData("a: b\r\nc: d\r\n")]
    [InlineData("title: no line end")]
    [InlineData("  indented: x\n")]
    [InlineData("- a list\n")]
    [InlineData("a:\n  - x\n   - y\n")]
    [InlineData("a:\n    b: c\n  d: e\n")]
    [InlineData("a: \uFEFFx\n")]
    public void Anything_else_is_left_to_yamldotnet(string yaml) => Assert.Null(PlainYaml.Read(yaml));

    [Fact]
    public void Nesting_deeper_than_the_limit_is_left_to_yamldotnet()
    {
        var deep = string.Concat(Enumerable.Range(0, SafeYaml.MaxDepth + 1).Select(i => new string(' ', i) + "k:\n"))
            + new string(' ', SafeYaml.MaxDepth + 1) + "x: y\n";
        Assert.Null(PlainYaml.Read(deep));
        Assert.Throws<YamlException>(() => SafeYaml.Load(deep));
    }

    [Fact]
    public void A_key_given_twice_in_plain_front_matter_is_still_a_yaml_mistake_at_the_second()
    {
        Assert.NotNull(PlainYaml.Read("title: a\ntitle: b\n"));
        var error = Assert.Throws<YamlException>(() => SafeYaml.Load("title: a\ntitle: b\n"));
        Assert.Equal((2, 1), (error.Start.Line, error.Start.Column));
    }
}
