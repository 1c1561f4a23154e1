using System.Text;
using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.Incremental;

/// <summary>
/// A site of about a hundred pages made from a seed, with its own copy of the theme, and random edits of every
/// kind a person makes to one: pages added, renamed, deleted, drafted; titles, orders, descriptions, bodies,
/// headings, links, events, works, data events, the site's settings, a layout of the site's own, the theme.
/// It keeps a model of every page and writes a page's file from it; each edit says which files it touched.
/// </summary>
public sealed class GeneratedSite : IDisposable
{
    private sealed class Page
    {
        public string Title = "";
        public int? Order;
        public string? Description;
        public bool Draft;
        public List<(string Date, string Title, string? Anchor)> Events = [];
        public List<string> Paragraphs = [];
        public List<string> Headings = [];
        public List<string> Links = [];
        public (int Year, string Kind, List<string> ETexts)? Work;
    }

    private static readonly string[] Sections = ["life", "ideas", "works"];
    private static readonly string[] Kinds = ["book", "pamphlet", "article", "collection"];
    private static readonly string[] Words =
        ["anarchy", "mutual", "aid", "bread", "exile", "Siberia", "Geneva", "prison", "fields", "factories", "ethics",
         "revolution", "commune", "geography", "ice", "glaciers", "letters", "memoirs", "Moscow", "London"];

    private readonly Random _random;
    private readonly SortedDictionary<string, Page> _pages = new(StringComparer.Ordinal);
    private readonly List<(string Date, string Title, string? Page)> _dataEvents = [];
    private string _siteTitle = "A generated life";
    private bool _ownLayout;
    private int _serial;

    public GeneratedSite(int seed, int pages = 100)
    {
        _random = new Random(seed);
        Site = TestSite.Empty();
        Site.Theme = Path.Combine(Site.Root, "theme");
        TestSite.CopyDirectory(Repository.Theme, Site.Theme);
        Site.Write("life/index.md", "---\ntitle: Life\norder: 1\n---\nThe life, told in order.\n");
        Site.Write("index.md", "---\ntitle: Home\n---\nA site made for a test.\n");
        for (var i = 0; i < pages; i++) AddPage(out _);
        for (var i = 0; i < 5; i++) _dataEvents.Add(($"{1850 + i * 10}", Sentence(3),
            _random.Next(2) == 0 ? RandomPage() : null));
        WriteSettings();
        WriteDataEvents();
    }

    public TestSite Site { get; }

    /// <summary>Every kind of edit, by name.</summary>
    public static readonly string[] EditKinds =
    [
        "add a page", "rename a page", "delete a page", "draft a page", "publish a draft", "retitle a page",
        "reorder a page", "describe a page", "append a paragraph", "change the first paragraph", "add a heading",
        "remove a heading", "add a link", "remove a link", "add an event", "change an event", "remove an event",
        "change a work", "add a data event", "change a data event", "retitle the site", "add or change an own layout",
        "remove the own layout", "change a partial", "change the stylesheet", "touch a page", "repair links",
    ];

    /// <summary>Applies an edit and gives the full paths of the files it added, changed or removed.</summary>
    public IReadOnlyList<string> Apply(string kind)
    {
        var touched = new List<string>();
        switch (kind)
        {
            case "add a page":
                touched.Add(AddPage(out _));
                break;
            case "rename a page":
            {
                var (path, page) = Pick();
                var renamed = NewPath(path.StartsWith("works/", StringComparison.Ordinal) ? "works" : Section());
                _pages.Remove(path);
                _pages[renamed] = page;
                touched.Add(Delete(path));
                touched.Add(Write(renamed));
                break;
            }
            case "delete a page":
            {
                var (path, _) = Pick();
                _pages.Remove(path);
                touched.Add(Delete(path));
                break;
            }
            case "draft a page": Change(p => p.Draft = true, touched); break;
            case "publish a draft": Change(p => p.Draft = false, touched, p => p.Draft); break;
            case "retitle a page": Change(p => p.Title = Sentence(2), touched); break;
            case "reorder a page":
                Change(p => p.Order = _random.Next(3) == 0 ? null : _random.Next(1, 50),
                    touched);
                break;
            case "describe a page":
                Change(p => p.Description = _random.Next(3) == 0 ? null : Sentence(6),
                    touched);
                break;
            case "append a paragraph": Change(p => p.Paragraphs.Add(Sentence(8)), touched); break;
            case "change the first paragraph": Change(p => p.Paragraphs[0] = Sentence(7), touched); break;
            case "add a heading": Change(p => p.Headings.Add("Part " + ++_serial), touched); break;
            case "remove a heading":
                Change(p => p.Headings.RemoveAt(_random.Next(p.Headings.Count)), touched,
                    p => p.Headings.Count > 0);
                break;
            case "add a link": Change(p => p.Links.Add(LinkTo(RandomPage())), touched); break;
            case "remove a link":
                Change(p => p.Links.RemoveAt(_random.Next(p.Links.Count)), touched,
                    p => p.Links.Count > 0);
                break;
            case "add an event": Change(p => p.Events.Add(NewEvent(p)), touched); break;
            case "change an event":
                Change(p => p.Events[_random.Next(p.Events.Count)] = NewEvent(p), touched, p => p.Events.Count > 0);
                break;
            case "remove an event":
                Change(p => p.Events.RemoveAt(_random.Next(p.Events.Count)), touched,
                    p => p.Events.Count > 0);
                break;
            case "change a work":
                Change(p => p.Work = (1860 + _random.Next(60), Kinds[_random.Next(Kinds.Length)], p.Work!.Value.ETexts),
                    touched,
                    p => p.Work is not null);
                break;
            case "add a data event":
                _dataEvents.Add(($"{1842 + _random.Next(79)}", Sentence(3),
                    _random.Next(2) == 0 ? RandomPage() : null));
                touched.Add(WriteDataEvents());
                break;
            case "change a data event":
                if (_dataEvents.Count > 0)
                    _dataEvents[_random.Next(_dataEvents.Count)] = ($"{1842 + _random.Next(79)}-0{_random.Next(1, 10)}",
                        Sentence(3), null);
                touched.Add(WriteDataEvents());
                break;
            case "retitle the site":
                _siteTitle = Sentence(3);
                touched.Add(WriteSettings());
                break;
            case "add or change an own layout":
                _ownLayout = true;
                touched.Add(Write(Site.Input, "layouts/page.liquid",
                    File.ReadAllText(Path.Combine(Site.Theme, "layouts",
                        "page.liquid")) + $"\n<!-- own layout {++_serial} -->\n"));
                break;
            case "remove the own layout":
                if (_ownLayout) touched.Add(Delete("layouts/page.liquid"));
                _ownLayout = false;
                break;
            case "change a partial":
                touched.Add(Write(Site.Theme, "partials/footer.liquid",
                    File.ReadAllText(Path.Combine(Site.Theme, "partials",
                        "footer.liquid")) + $"\n<!-- {++_serial} -->\n"));
                break;
            case "change the stylesheet":
                touched.Add(Write(Site.Theme, "assets/site.css",
                    File.ReadAllText(Path.Combine(Site.Theme, "assets",
                        "site.css")) + $"\n.edit-{++_serial} {{ color: inherit; }}\n"));
                break;
            case "touch a page":
            {
                var (path, _) = Pick();
                var full = Path.Combine(Site.Input, path);
                File.WriteAllBytes(full, File.ReadAllBytes(full));
                File.SetLastWriteTimeUtc(full, File.GetLastWriteTimeUtc(full).AddSeconds(2));
                touched.Add(full);
                break;
            }
            case "repair links":
                touched.AddRange(Repair());
                break;
            default: throw new ArgumentException(kind);
        }
        return touched;
    }

    /// <summary>Points every link, event anchor and data event that leads nowhere at something that exists.</summary>
    private IEnumerable<string> Repair()
    {
        var published = _pages.Where(p => !p.Value.Draft).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (path, page) in _pages.ToArray())
        {
            var links = page.Links.Where(l => published.Contains(PathOfLink(l)) && FragmentExists(l)).ToList();
            var events = page.Events.Select(e => e.Anchor is null
                || page.Headings.Contains(HeadingOf(e.Anchor)) ? e : (e.Date, e.Title, null)).ToList();
            if (links.Count == page.Links.Count && events.SequenceEqual(page.Events)) continue;
            page.Links = links;
            page.Events = events;
            yield return Write(path);
        }
        if (_dataEvents.Any(e => e.Page is not null && !published.Contains(e.Page)))
        {
            for (var i = 0; i < _dataEvents.Count; i++)
                if (_dataEvents[i].Page is { } target
                    && !published.Contains(target)) _dataEvents[i] = (_dataEvents[i].Date, _dataEvents[i].Title, null);
            yield return WriteDataEvents();
        }
    }

    private bool FragmentExists(string link)
    {
        var hash = link.IndexOf('#');
        return hash < 0 || _pages[PathOfLink(link)].Headings.Select(Slug).Contains(link[(hash + 1)..]);
    }

    private static string PathOfLink(string link)
    {
        var url = link.Split('#')[0].Trim('/');
        return url + ".md";
    }

    private static string HeadingOf(string anchor) => "Part " + anchor["part-".Length..];

    private static string Slug(string heading) => heading.ToLowerInvariant().Replace(' ', '-');

    private string LinkTo(string path)
    {
        var url = "/" + path[..^".md".Length] + "/";
        var headings = _pages[path].Headings;
        return headings.Count > 0
            && _random.Next(3) == 0 ? url + "#" + Slug(headings[_random.Next(headings.Count)]) : url;
    }

    private (string Date, string Title, string? Anchor) NewEvent(Page page)
    {
        var date = _random.Next(3) switch
        {
            0 => $"{1842 + _random.Next(79)}",
            1 => $"{1842 + _random.Next(79)}-{_random.Next(1, 13):D2}",
            _ => $"{1842 + _random.Next(79)}-{_random.Next(1, 13):D2}-{_random.Next(1, 29):D2}",
        };
        var anchor = page.Headings.Count > 0
            && _random.Next(3) == 0 ? Slug(page.Headings[_random.Next(page.Headings.Count)]) : null;
        return (date, Sentence(3), anchor);
    }

    private string AddPage(out string path)
    {
        var section = _random.Next(5) == 0 ? "works" : Section();
        path = NewPath(section);
        var page = new Page
        {
            Title = Sentence(2),
            Order = _random.Next(3) == 0 ? null : _random.Next(1, 50),
            Description = _random.Next(3) == 0 ? Sentence(6) : null,
            Paragraphs = [Sentence(9), Sentence(12)],
        };
        for (var i = _random.Next(3); i > 0; i--) page.Headings.Add("Part " + ++_serial);
        for (var i = _random.Next(3); i > 0; i--) page.Events.Add(NewEvent(page));
        if (section == "works") page.Work = (1860 + _random.Next(60), Kinds[_random.Next(Kinds.Length)],
            _random.Next(2) == 0 ? ["Some Library"] : []);
        if (_pages.Count > 0)
            for (var i = _random.Next(4); i > 0; i--) page.Links.Add(LinkTo(RandomPage()));
        _pages[path] = page;
        return Write(path);
    }

    private string Section() => Sections[_random.Next(2)];

    private string NewPath(string section) => $"{section}/p{++_serial}.md";

    private string RandomPage() => _pages.Keys.ElementAt(_random.Next(_pages.Count));

    private (string Path, Page Page) Pick(Func<Page, bool>? which = null)
    {
        var candidates = _pages.Where(p => which?.Invoke(p.Value) ?? true).ToArray();
        if (candidates.Length == 0) candidates = _pages.ToArray();
        var (path, page) = candidates[_random.Next(candidates.Length)];
        return (path, page);
    }

    /// <summary>Changes a page (one that <paramref name="which"/> accepts, if there is one) and writes it.</summary>
    private void Change(Action<Page> change, List<string> touched, Func<Page, bool>? which = null)
    {
        var (path, page) = Pick(which);
        if (which is null || which(page)) change(page);
        touched.Add(Write(path));
    }

    private string Sentence(int words)
    {
        var text = new StringBuilder();
        for (var i = 0; i < words; i++) text.Append(i == 0 ? "" : " ").Append(Words[_random.Next(Words.Length)]);
        text[0] = char.ToUpperInvariant(text[0]);
        return text.ToString();
    }

    private string Write(string path) => Write(Site.Input, path, Markdown(_pages[path]));

    private static string Write(string root, string path, string text)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    private string Delete(string path)
    {
        var full = Path.Combine(Site.Input, path);
        File.Delete(full);
        return full;
    }

    private string WriteSettings() =>
        Write(Site.Input, "_site.yml",
            $"title: {_siteTitle}\nbase_url: https://example.org/generated/\ndescription: Made by a test.\n");

    private string WriteDataEvents()
    {
        var yaml = new StringBuilder();
        foreach (var (date, title, page) in _dataEvents)
        {
            yaml.Append($"- date: \"{date}\"\n  title: {title}\n");
            if (page is not null) yaml.Append($"  page: {page}\n");
        }
        return Write(Site.Input, "_data/timeline.yml", yaml.Length == 0 ? "[]\n" : yaml.ToString());
    }

    private static string Markdown(Page page)
    {
        var text = new StringBuilder("---\n").Append($"title: {page.Title}\n");
        if (page.Order is { } order) text.Append($"order: {order}\n");
        if (page.Description is { } description) text.Append($"description: {description}\n");
        if (page.Draft) text.Append("draft: true\n");
        if (page.Work is { } work)
        {
            text.Append($"year: {work.Year}\nkind: {work.Kind}\n");
            if (work.ETexts.Count > 0) text.Append("etexts:\n").AppendJoin("",
                work.ETexts.Select(e => $"  - source: {e}\n"));
        }
        if (page.Events.Count > 0)
        {
            text.Append("events:\n");
            foreach (var (date, title, anchor) in page.Events)
            {
                text.Append($"  - date: \"{date}\"\n    title: {title}\n");
                if (anchor is not null) text.Append($"    anchor: {anchor}\n");
            }
        }
        text.Append("---\n");
        text.Append(page.Paragraphs[0]).Append("\n\n");
        foreach (var heading in page.Headings)
            text.Append("## ").Append(heading).Append("\n\n").Append("Of ").Append(heading).Append(".\n\n");
        foreach (var paragraph in page.Paragraphs.Skip(1)) text.Append(paragraph).Append("\n\n");
        if (page.Links.Count > 0) text.Append("See ").AppendJoin(", ",
            page.Links.Select((l, i) => $"[link {i}]({l})")).Append(".\n");
        return text.ToString();
    }

    public void Dispose() => Site.Dispose();
}
