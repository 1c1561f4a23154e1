using KropotkinSite.Content;
using YamlDotNet.Core;

namespace KropotkinSite.Tests.Content;

public sealed class SafeYamlTests
{
    [Fact]
    public void Nesting_deeper_than_the_limit_is_a_yaml_mistake_at_the_node_that_goes_too_deep()
    {
        var yaml = new string('[', SafeYaml.MaxDepth + 1) + new string(']', SafeYaml.MaxDepth + 1);
        var error = Assert.Throws<YamlException>(() => SafeYaml.Load(yaml));
        Assert.Contains("nested more than", error.Message);
        Assert.Equal(SafeYaml.MaxDepth + 1, error.Start.Column);
        SafeYaml.Load(new string('[', SafeYaml.MaxDepth) + new string(']', SafeYaml.MaxDepth));
    }

    [Fact]
    public void An_alias_inside_the_node_it_names_is_refused()
    {
        var error = Assert.Throws<YamlException>(() => SafeYaml.Load("a: &x\n  b: *x\n"));
        Assert.Contains("stands inside the node &x", error.Message);
    }

    [Fact]
    public void Aliases_that_repeat_more_than_the_limit_of_values_are_refused()
    {
        var lines = new List<string> { "a: &a [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 7; i++) lines.Add($"{(char)('a' + i)}: &{(char)('a' + i)} " +
            $"[{string.Join(", ", Enumerable.Repeat("*" + (char)('a' + i - 1), 10))}]");
        var error = Assert.Throws<YamlException>(() => SafeYaml.Load(string.Join('\n', lines)));
        Assert.Contains("repeat more than", error.Message);
    }

    [Fact]
    public void An_alias_to_no_anchor_and_a_tab_in_indentation_are_reported_where_they_stand()
    {
        Assert.Contains("names no anchor", Assert.Throws<YamlException>(() => SafeYaml.Load("a: *nothing\n")).Message);
        var tab = Assert.Throws<YamlException>(() => SafeYaml.Load("a:\n\tb: 1\n"));
        Assert.Equal((2, 1), (tab.Start.Line, tab.Start.Column));
    }

    [Fact]
    public void Ordinary_yaml_with_aliases_that_repeat_a_little_loads()
    {
        var stream = SafeYaml.Load("base: &b {x: 1}\nother: *b\n");
        Assert.Single(stream.Documents);
    }
}
