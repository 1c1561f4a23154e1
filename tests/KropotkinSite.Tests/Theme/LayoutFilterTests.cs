using System.Text;
using KropotkinSite.Engine;
using KropotkinSite.IO;
using KropotkinSite.Theme;

namespace KropotkinSite.Tests.Theme;

/// <summary>The <c>layout</c> filter lays a part out with its own layout, taking the HTML laid out beforehand for
/// that very model when the page was given it.</summary>
public sealed class LayoutFilterTests : IDisposable
{
    public sealed record Item(string Name);

    public sealed record ListModel(IReadOnlyList<Item> Items);

    public sealed record PageModel(IReadOnlyList<Item> Items, object Content);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "layout-filter-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, true);

    private LiquidLayouts Layouts(string item = "<li>{{ name }}</li>", string? outer = null)
    {
        var layouts = Path.Combine(_root, "theme", "layouts");
        Directory.CreateDirectory(layouts);
        Directory.CreateDirectory(Path.Combine(_root, "input"));
        File.WriteAllText(Path.Combine(layouts, "list.liquid"), (outer is null ? "" : "---\nlayout: outer\n---\n") +
            "<ul>{% for item in items %}{{ item | layout: 'item' }}{% endfor %}</ul>");
        if (outer is not null) File.WriteAllText(Path.Combine(layouts, "outer.liquid"), outer);
        File.WriteAllText(Path.Combine(layouts, "item.liquid"), item);
        var files = new DiskFiles();
        var errors = new List<ContentError>();
        var result = new LiquidLayouts(new ThemeFiles(Path.Combine(_root, "theme"), Path.Combine(_root, "input"),
            files), errors, files);
        Assert.Empty(errors);
        return result;
    }

    [Fact]
    public void A_part_not_given_is_laid_out_where_the_filter_asks_for_it()
    {
        var model = new ListModel([new Item("Moscow"), new Item("<Geneva>")]);

        var page = Layouts().Render("list", model, _ => model);

        Assert.Equal("<ul><li>Moscow</li><li>&lt;Geneva&gt;</li></ul>", Encoding.UTF8.GetString(page.Utf8));
    }

    [Fact]
    public void A_part_given_for_the_very_model_is_taken_as_it_is()
    {
        var moscow = new Item("Moscow");
        var model = new ListModel([moscow, new Item("Moscow")]);
        var given = new RenderedParts([new LayoutPart("item", moscow), new LayoutPart("other", model.Items[1])],
            [RenderedPart.Of("<li>given</li>"), RenderedPart.Of("<li>for another layout</li>")]);

        var page = Layouts().Render("list", model, _ => model, given);

        // The second item equals the first but is another object, and was given for another layout.
        Assert.Equal("<ul><li>given</li><li>Moscow</li></ul>", Encoding.UTF8.GetString(page.Utf8));
    }

    [Fact]
    public void A_part_whose_layout_failed_beforehand_is_laid_out_again()
    {
        var moscow = new Item("Moscow");
        var model = new ListModel([moscow]);

        var page = Layouts().Render("list", model, _ => model,
            new RenderedParts([new LayoutPart("item", moscow)], [null]));

        Assert.Equal("<ul><li>Moscow</li></ul>", Encoding.UTF8.GetString(page.Utf8));
    }

    [Fact]
    public void A_part_that_lays_itself_out_is_stopped_with_an_error_not_a_crash()
    {
        var model = new ListModel([new Item("Moscow")]);
        var layouts = Layouts(item: "<li>{{ name }}{{ name | layout: 'item' }}</li>");

        var error = Assert.Throws<InvalidOperationException>(() => layouts.Render("list", model, _ => model));

        Assert.Contains("nest more than", error.Message);
    }

    [Fact]
    public void Parts_given_are_copied_as_their_bytes_and_placed_where_they_lie_in_the_page_inside_its_parent()
    {
        var (moscow, geneva) = (new Item("Moscow"), new Item("Genève"));
        var model = new PageModel([moscow, geneva, moscow], "");
        var given = new RenderedParts([new LayoutPart("item", moscow), new LayoutPart("item", geneva)],
            [RenderedPart.Of("<li>Москва</li>"), RenderedPart.Of("<li>Genève</li>")]);

        var page = Layouts(outer: "<main>é {{ content | raw }}</main>{{ content | size }}")
            .Render("list", model, content => model with { Content = content }, given);

        const string ul = "<ul><li>Москва</li><li>Genève</li><li>Москва</li></ul>";
        Assert.Equal($"<main>é {ul}</main>{ul.Length}", Encoding.UTF8.GetString(page.Utf8));
        Assert.Equal([given.Rendered[0]!.Utf8, given.Rendered[1]!.Utf8, given.Rendered[0]!.Utf8],
            page.Parts.Select(p => p.Utf8));
        foreach (var part in page.Parts)
            Assert.Equal(part.Utf8, page.Utf8.AsSpan(part.Offset, part.Utf8.Length).ToArray());
    }

    [Fact]
    public void A_part_a_layout_changes_before_writing_it_is_written_changed_and_not_placed()
    {
        var moscow = new Item("Moscow");
        var model = new ListModel([moscow]);
        var given = new RenderedParts([new LayoutPart("item", moscow)], [RenderedPart.Of("<li>given</li>")]);
        var layouts = Layouts(outer: "{{ content | upcase | raw }}");

        var page = layouts.Render("list", model, content => new PageModel([moscow], content), given);

        Assert.Equal("<UL><LI>GIVEN</LI></UL>", Encoding.UTF8.GetString(page.Utf8));
        Assert.Empty(page.Parts);
    }

    [Fact]
    public void Parts_that_split_a_surrogate_pair_between_them_are_encoded_with_the_page_as_one_text()
    {
        var (first, second) = (new Item("a"), new Item("b"));
        var model = new ListModel([first, second]);
        var given = new RenderedParts([new LayoutPart("item", first), new LayoutPart("item", second)],
            [RenderedPart.Of("<li>\uD83D"), RenderedPart.Of("\uDE00</li>")]);

        var page = Layouts().Render("list", model, _ => model, given);

        Assert.Equal(Encoding.UTF8.GetBytes("<ul><li>\U0001F600</li></ul>"), page.Utf8);
        Assert.Empty(page.Parts);
    }

    [Fact]
    public void A_surrogate_pair_split_between_text_and_a_part_is_encoded_as_one_character()
    {
        var (first, second) = (new Item("\uD83D"), new Item("b"));
        var model = new ListModel([first, second]);
        var given = new RenderedParts([new LayoutPart("item", second)], [RenderedPart.Of("\uDE00</li>")]);

        var page = Layouts(item: "<li>{{ name | raw }}").Render("list", model, _ => model, given);

        Assert.Equal(Encoding.UTF8.GetBytes("<ul><li>\U0001F600</li></ul>"), page.Utf8);
        Assert.Empty(page.Parts);
    }

    [Fact]
    public void A_page_of_long_text_between_parts_is_the_bytes_of_its_whole_text()
    {
        // Far more text than is encoded at once, with characters of two, three and four bytes (pairs) throughout.
        var items = Enumerable.Range(0, 3000).Select(i => new Item($"é€\U0001F600 {i}")).ToArray();
        var model = new ListModel(items);
        var given = new RenderedParts([new LayoutPart("item", items[0]), new LayoutPart("item", items[2999])],
            [RenderedPart.Of("<li>first</li>"), RenderedPart.Of("<li>last</li>")]);

        var page = Layouts(item: "<li>{{ name | raw }}</li>").Render("list", model, _ => model, given);

        var expected = "<ul><li>first</li>" + string.Concat(items[1..^1].Select(i => $"<li>{i.Name}</li>")) +
            "<li>last</li></ul>";
        Assert.Equal(Encoding.UTF8.GetBytes(expected), page.Utf8);
        Assert.Equal([4, page.Utf8.Length - "<li>last</li></ul>".Length], page.Parts.Select(p => p.Offset));
    }
}
