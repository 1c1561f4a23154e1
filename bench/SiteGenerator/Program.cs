// Writes a synthetic, biography-shaped site for the benchmark (bench/run.sh):
//   DIR/site  a KropotkinSite input folder that follows CONTENT-MODEL.md
//   DIR/hugo  the same content as a Hugo site (content/, data/, hugo.yaml); bench/run.sh adds bench/hugo/layouts
// The same --pages, --seed and --profile always give the same bytes. Profiles (the shape of the site):
//   default  prose pages of 400-1,200 words, a few links and 0-3 events a page (what the benchmark always used)
//   events   2-6 events on nine pages in ten and a timeline data file with one event for every two pages
//   links    at least 20 links a page, most of them to another page's heading
//   long     prose pages of about 5,000 words with more headings
using System.Globalization;
using System.Text;

var pages = 1000;
var seed = 1;
var profile = SiteProfile.Default;
string? output = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--pages" when i + 1 < args.Length: pages = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--seed" when i + 1 < args.Length: seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--out" when i + 1 < args.Length: output = args[++i]; break;
        case "--profile" when i + 1 < args.Length && SiteProfile.Named(args[i + 1]) is { } named:
            profile = named;
            i++;
            break;
        default:
            Console.Error.WriteLine(
                $"usage: SiteGenerator --pages N [--seed S] [--profile {SiteProfile.Names}] --out DIR");
            return 2;
    }
}
if (output is null || pages < 20)
{
    Console.Error.WriteLine(
        $"usage: SiteGenerator --pages N (at least 20) [--seed S] [--profile {SiteProfile.Names}] --out DIR");
    return 2;
}

var siteDir = Path.Combine(output, "site");
var hugoDir = Path.Combine(output, "hugo");
foreach (var dir in new[] { siteDir, hugoDir })
    if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);

var files = new SyntheticSite(pages, seed, profile).Files();
foreach (var (path, text) in files) Write(siteDir, path, text);
var written = HugoSite.Convert(siteDir, hugoDir);
Console.WriteLine($"{files.Count} files ({files.Count(f => f.Path.EndsWith(".md", StringComparison.Ordinal))} pages) in {siteDir}; {written} files in {hugoDir}");
return 0;

static void Write(string root, string relative, string text)
{
    var path = Path.Combine(root, relative);
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    File.WriteAllText(path, text, new UTF8Encoding(false));
}

/// <summary>The shape of a generated site. The default profile draws exactly the random numbers it always drew,
/// so its sites stay byte for byte what earlier benchmarks measured.</summary>
/// <param name="EventPages">Out of 10 prose pages, how many carry events (null: 0-3 events on any page, as
/// always).</param>
/// <param name="TimelinePagesPerEvent">One event in the timeline data file for this many pages.</param>
/// <param name="MinLinks">Links a page has at least (more are added as a list at its end).</param>
/// <param name="HeadingLinks">Out of 4 links to a page with headings, how many point at one of them.</param>
/// <param name="Words">The words of a prose page, at least and at most.</param>
/// <param name="Headings">The headings of a prose page, at least and at most.</param>
sealed record SiteProfile(string Name, int? EventPages, int TimelinePagesPerEvent, int MinLinks, int HeadingLinks,
    (int Min, int Max) Words, (int Min, int Max) Headings)
{
    public static readonly SiteProfile Default = new("default", null, 20, 0, 1, (400, 1200), (2, 6));

    private static readonly SiteProfile[] All =
    [
        Default,
        Default with { Name = "events", EventPages = 9, TimelinePagesPerEvent = 2 },
        Default with { Name = "links", MinLinks = 20, HeadingLinks = 3 },
        Default with { Name = "long", Words = (4500, 5500), Headings = (6, 12) },
    ];

    public static string Names => string.Join('|', All.Select(p => p.Name));

    public static SiteProfile? Named(string name) => All.FirstOrDefault(p => p.Name == name);
}

/// <summary>A page before its body is written: what other pages may link to.</summary>
sealed record PagePlan(string Path, string Url, string Title, string Section, string[] Headings, string[] HeadingIds, bool IsWork, bool IsIndex);

/// <summary>Plans every page first (titles, headings), then writes bodies whose links all point at pages and headings that exist.</summary>
sealed class SyntheticSite(int pageCount, int seed, SiteProfile profile)
{
    private static readonly string[] Sections = ["life", "exile", "ideas", "letters", "places"]; // "places" has no index.md: its section page is generated
    private static readonly string[] TopLevel = ["about", "legacy", "sources"];
    private static readonly string[] Kinds = ["book", "pamphlet", "article", "collection"];
    private static readonly string[] Languages = ["ru", "fr", "en", "de"];
    private static readonly string[] Places = ["Moscow", "St Petersburg", "Irkutsk", "Geneva", "Clairvaux", "London", "Brighton", "Paris", "Lyon", "Dmitrov", "Zurich", "Harrow", "Chicago", "Boston", "Manchuria"];
    private static readonly string[] Publishers = ["Chapman and Hall", "Heinemann", "Freedom Press", "Tresse et Stock", "Vanguard Press", "Putnam"];
    private static readonly string[] Words = (
        "the of and a to in he his was that for with as on by at from it an be this which or had were their its not but are have they one all " +
        "land people work village commune prison book letter journey river mountain winter summer exile state freedom bread field factory workshop " +
        "science geography ice plateau map survey expedition cossack officer court page school teacher brother father mother friend comrade " +
        "newspaper article pamphlet printer press meeting congress federation union worker peasant serf tax law court judge guard cell fortress " +
        "hospital escape train ship harbour city street house garden library museum society lecture audience question answer idea theory " +
        "evolution species animal bird insect cooperation struggle mutual aid ethics justice reason history revolution century decade year " +
        "north south east west forest steppe lake valley coast island bridge road track camp fire night morning evening voice hand heart " +
        "long short quiet slow careful patient bold young old early late small great free common simple honest open clear distant"
    ).Split(' ');
    private static readonly string[] TitleWords = (
        "winter river journey letters prison escape commune bread fields workshops mountains plateau steppe harbour congress federation " +
        "lecture library garden village school exile printer press comrade brother survey expedition theory evolution species ethics " +
        "justice freedom revolution city coast island bridge forest valley camp lakes ice maps guards friends voices questions answers"
    ).Split(' ');

    private readonly Random _random = new(seed);
    private int _links; // links written in the page being written
    private readonly List<PagePlan> _plans = [];

    public List<(string Path, string Text)> Files()
    {
        Plan();
        var files = new List<(string, string)>
        {
            ("_site.yml", "title: \"A Synthetic Life\"\ndescription: \"A generated biography site used to measure build speed.\"\nauthor: \"Benchmark\"\nlanguage: en\nbase_url: \"https://example.org/\"\n"),
            ("_data/timeline.yml", TimelineData()),
        };
        foreach (var plan in _plans) files.Add((plan.Path, Page(plan)));
        return files;
    }

    private void Plan()
    {
        var works = Math.Max(2, pageCount / 10);
        _plans.Add(new PagePlan("index.md", "/", "A Synthetic Life", "", Headings(2, 3), [], false, true));
        _plans.Add(new PagePlan("works/index.md", "/works/", "Works", "works", [], [], false, true));
        _plans.Add(new PagePlan("timeline/index.md", "/timeline/", "Timeline", "timeline", [], [], false, true));
        foreach (var section in Sections.Where(s => s != "places"))
            _plans.Add(new PagePlan(section + "/index.md", "/" + section + "/", Capitalise(section), section, Headings(1, 3), [], false, true));
        foreach (var name in TopLevel)
            _plans.Add(new PagePlan(name + ".md", "/" + name + "/", Capitalise(name), "", Headings(2, 5), [], false, false));
        for (var i = 1; i <= works; i++)
        {
            var slug = $"{Pick(TitleWords)}-{Pick(TitleWords)}-{i}";
            _plans.Add(new PagePlan($"works/{slug}.md", $"/works/{slug}/", Title(2, 5), "works", Headings(2, 5), [], true, false));
        }
        var prose = pageCount - _plans.Count;
        for (var i = 1; i <= prose; i++)
        {
            var section = Sections[(i - 1) % Sections.Length];
            var slug = $"{Pick(TitleWords)}-{Pick(TitleWords)}-{i}";
            var title = Title(2, 6); // drawn before the headings, as always
            var headings = Headings(profile.Headings.Min, profile.Headings.Max);
            _plans.Add(new PagePlan($"{section}/{slug}.md", $"/{section}/{slug}/", title, section, headings, [],
                false, false));
        }
        for (var i = 0; i < _plans.Count; i++)
            _plans[i] = _plans[i] with { HeadingIds = _plans[i].Headings.Select(Id).ToArray() };
    }

    /// <summary>Distinct headings whose GitHub-style ids cannot clash with each other or with ids the theme writes.</summary>
    private string[] Headings(int min, int max)
    {
        var count = _random.Next(min, max + 1);
        var headings = new List<string>();
        while (headings.Count < count)
        {
            var heading = Capitalise(string.Join(' ', Enumerable.Range(0, _random.Next(2, 5)).Select(_ => Pick(TitleWords))));
            if (!headings.Any(h => Id(h) == Id(heading))) headings.Add(heading);
        }
        return headings.ToArray();
    }

    private static string Id(string heading) => heading.ToLowerInvariant().Replace(' ', '-');

    private string Page(PagePlan plan)
    {
        var front = new StringBuilder("---\n");
        front.Append("title: ").Append(Quote(plan.Title)).Append('\n');
        front.Append("description: ").Append(Quote(Sentence(8, 18))).Append('\n');
        if (plan.IsIndex && plan.Section.Length > 0 && plan.Section != "works" && plan.Section != "timeline")
            front.Append("order: ").Append(Array.IndexOf(Sections, plan.Section) + 1).Append('\n');
        else if (!plan.IsIndex && !plan.IsWork && _random.Next(4) == 0)
            front.Append("order: ").Append(_random.Next(1, 50)).Append('\n');
        if (plan.IsWork) Work(front, plan);
        else if (!plan.IsIndex) Events(front, plan, EventCount());
        front.Append("---\n");
        var words = plan.IsIndex ? _random.Next(120, 300) : _random.Next(profile.Words.Min, profile.Words.Max + 1);
        return front + Body(plan, words);
    }

    private void Work(StringBuilder front, PagePlan plan)
    {
        var unfinished = _random.Next(20) == 0;
        var year = _random.Next(1870, 1921);
        if (!unfinished || _random.Next(2) == 0) front.Append("year: ").Append(year).Append('\n');
        front.Append("kind: ").Append(Pick(Kinds)).Append('\n');
        var language = Pick(Languages);
        if (language != "en" && _random.Next(2) == 0) front.Append("original_title: ").Append(Quote(Title(2, 4))).Append('\n');
        front.Append("language: ").Append(language).Append('\n');
        front.Append("place: ").Append(Quote(Pick(Places))).Append('\n');
        if (_random.Next(3) > 0) front.Append("publisher: ").Append(Quote(Pick(Publishers))).Append('\n');
        front.Append("etexts:\n  - source: \"Synthetic Library\"\n    url: \"https://example.org/texts/")
            .Append(Path.GetFileNameWithoutExtension(plan.Path)).Append("\"\n");
        if (_random.Next(2) == 0) front.Append("  - source: \"Reading room copy\"\n");
        if (unfinished) front.Append("unfinished: true\n");
        front.Append("events:\n  - date: \"").Append(year).Append("\"\n    title: ").Append(Quote("Publishes " + plan.Title)).Append('\n');
        if (plan.HeadingIds.Length > 0) front.Append("    anchor: ").Append(plan.HeadingIds[0]).Append('\n');
    }

    private int EventCount() =>
        profile.EventPages is not { } share ? _random.Next(0, 4)
        : _random.Next(10) < share ? _random.Next(2, 7) : 0;

    private void Events(StringBuilder front, PagePlan plan, int count)
    {
        if (count == 0) return;
        front.Append("events:\n");
        for (var i = 0; i < count; i++)
        {
            var (date, year) = Date();
            front.Append("  - date: \"").Append(date).Append("\"\n");
            front.Append("    title: ").Append(Quote(Sentence(3, 8).TrimEnd('.'))).Append('\n');
            if (_random.Next(3) > 0) front.Append("    place: ").Append(Quote(Pick(Places))).Append('\n');
            if (_random.Next(5) == 0 && year < 1921) front.Append("    end: \"").Append(Math.Min(1921, year + _random.Next(1, 6))).Append("\"\n");
            if (plan.HeadingIds.Length > 0 && _random.Next(2) == 0) front.Append("    anchor: ").Append(Pick(plan.HeadingIds)).Append('\n');
        }
    }

    private (string Text, int Year) Date()
    {
        var year = _random.Next(1842, 1922);
        return _random.Next(3) switch
        {
            0 => (year.ToString(CultureInfo.InvariantCulture), year),
            1 => ($"{year}-{_random.Next(1, 13):D2}", year),
            _ => ($"{year}-{_random.Next(1, 13):D2}-{_random.Next(1, 29):D2}", year),
        };
    }

    private string Body(PagePlan plan, int targetWords)
    {
        var body = new StringBuilder();
        var footnotes = new List<string>();
        _links = 0;
        var words = 0;
        var headingIndex = 0;
        var perHeading = plan.Headings.Length == 0 ? int.MaxValue : targetWords / (plan.Headings.Length + 1);
        var sinceHeading = 0;
        while (words < targetWords)
        {
            if (headingIndex < plan.Headings.Length && sinceHeading >= perHeading)
            {
                body.Append("## ").Append(plan.Headings[headingIndex++]).Append("\n\n");
                sinceHeading = 0;
            }
            var (block, count) = _random.Next(10) switch
            {
                0 => List(plan),
                1 => Quotation(),
                _ => Paragraph(plan, footnotes),
            };
            body.Append(block).Append("\n\n");
            words += count;
            sinceHeading += count;
        }
        while (headingIndex < plan.Headings.Length)
        {
            body.Append("## ").Append(plan.Headings[headingIndex++]).Append("\n\n");
            var (block, count) = Paragraph(plan, footnotes);
            body.Append(block).Append("\n\n");
        }
        if (_links < profile.MinLinks)
        {
            body.Append("## See also\n\n");
            while (_links < profile.MinLinks) body.Append("- ").Append(Link(plan)).Append('\n');
            body.Append('\n');
        }
        for (var i = 0; i < footnotes.Count; i++)
            body.Append("[^").Append(i + 1).Append("]: ").Append(footnotes[i]).Append('\n');
        return body.ToString();
    }

    private (string, int) Paragraph(PagePlan plan, List<string> footnotes)
    {
        var text = new StringBuilder();
        var words = 0;
        var sentences = _random.Next(2, 6);
        for (var s = 0; s < sentences; s++)
        {
            if (s > 0) text.Append(' ');
            var sentence = Sentence(8, 22);
            words += sentence.Count(c => c == ' ') + 1;
            switch (_random.Next(8))
            {
                case 0: text.Append(Link(plan)).Append(' ').Append(sentence); words += 2; break;
                case 1: text.Append(sentence.TrimEnd('.')).Append(", as he put it, \"").Append(Sentence(3, 7).TrimEnd('.')).Append(".\""); words += 5; break;
                case 2: text.Append(sentence.TrimEnd('.')).Append(" -- and *").Append(Pick(Words)).Append("* it's said."); words += 4; break;
                case 3 when footnotes.Count < 6:
                    footnotes.Add(Sentence(6, 14));
                    text.Append(sentence).Append("[^").Append(footnotes.Count).Append(']');
                    break;
                default: text.Append(sentence); break;
            }
        }
        return (text.ToString(), words);
    }

    private (string, int) List(PagePlan plan)
    {
        var ordered = _random.Next(2) == 0;
        var text = new StringBuilder();
        var items = _random.Next(3, 7);
        var words = 0;
        for (var i = 0; i < items; i++)
        {
            text.Append(ordered ? $"{i + 1}. " : "- ");
            if (_random.Next(3) == 0) { text.Append(Link(plan)).Append(": "); words += 2; }
            var sentence = Sentence(4, 12);
            words += sentence.Count(c => c == ' ') + 1;
            text.Append(sentence).Append('\n');
        }
        return (text.ToString().TrimEnd('\n'), words);
    }

    private (string, int) Quotation()
    {
        var sentence = Sentence(12, 30);
        return ($"> {sentence}\n>\n> — {Capitalise(Pick(TitleWords))}, *{Title(2, 4)}*", sentence.Count(c => c == ' ') + 4);
    }

    /// <summary>A link to another page (sometimes to one of its headings, sometimes relative), or to a generated page.</summary>
    private string Link(PagePlan from)
    {
        _links++;
        var text = $"{Pick(Words)} {Pick(TitleWords)}";
        if (_random.Next(12) == 0) return $"[{text}]({(_random.Next(2) == 0 ? "/timeline/" : "/works/")})";
        PagePlan target;
        do target = _plans[_random.Next(_plans.Count)];
        while (ReferenceEquals(target, from) || target.Url is "/works/" or "/timeline/");
        var url = target.Url;
        if (!from.IsIndex && from.Section.Length > 0 && target.Section == from.Section && !target.IsIndex && _random.Next(3) == 0)
            url = "../" + url.TrimEnd('/').Split('/')[^1] + "/";
        if (target.HeadingIds.Length > 0 && _random.Next(4) < profile.HeadingLinks)
            url += "#" + Pick(target.HeadingIds);
        return $"[{text}]({url})";
    }

    private string TimelineData()
    {
        var text = new StringBuilder("# Events that belong to no page, or that name the page telling of them.\n");
        var candidates = _plans.Where(p => !p.IsIndex && !p.IsWork).ToArray();
        for (var i = 0; i < Math.Max(2, pageCount / profile.TimelinePagesPerEvent); i++)
        {
            var (date, _) = Date();
            text.Append("- date: \"").Append(date).Append("\"\n  title: ").Append(Quote(Sentence(3, 8).TrimEnd('.'))).Append('\n');
            if (_random.Next(2) == 0) text.Append("  place: ").Append(Quote(Pick(Places))).Append('\n');
            if (_random.Next(2) == 0) text.Append("  page: ").Append(candidates[_random.Next(candidates.Length)].Path).Append('\n');
        }
        return text.ToString();
    }

    private string Sentence(int min, int max)
    {
        var count = _random.Next(min, max + 1);
        var text = string.Join(' ', Enumerable.Range(0, count).Select(_ => Pick(Words)));
        return Capitalise(text) + ".";
    }

    private string Title(int min, int max)
    {
        var count = _random.Next(min, max + 1);
        return Capitalise(string.Join(' ', Enumerable.Range(0, count).Select(i => i % 2 == 1 && i < count - 1 && _random.Next(2) == 0 ? "of" : Pick(TitleWords))));
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}

/// <summary>
/// Makes a Hugo site from a KropotkinSite input folder: the same Markdown under content/ (a folder's
/// <c>index.md</c> becomes Hugo's section file <c>_index.md</c>), <c>_data/</c> as <c>data/</c>, and
/// <c>_site.yml</c> as <c>hugo.yaml</c>, and a search page. Layouts come from bench/hugo/layouts.
/// </summary>
static class HugoSite
{
    public static int Convert(string siteDir, string hugoDir)
    {
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(siteDir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(siteDir, file).Replace('\\', '/');
            string target;
            if (relative == "_site.yml") { WriteConfig(file, Path.Combine(hugoDir, "hugo.yaml")); count++; continue; }
            if (relative.StartsWith("_data/", StringComparison.Ordinal)) target = Path.Combine(hugoDir, "data", relative["_data/".Length..]);
            else if (relative.EndsWith(".md", StringComparison.Ordinal))
                target = Path.Combine(hugoDir, "content", relative == "index.md" || relative.EndsWith("/index.md", StringComparison.Ordinal)
                    ? relative[..^"index.md".Length] + "_index.md" : relative);
            else target = Path.Combine(hugoDir, "static", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            count++;
        }
        // KropotkinSite makes its search page without an input file; Hugo gets one to render it (with no index),
        // kept out of its lists as ours is out of the navigation.
        var search = Path.Combine(hugoDir, "content", "search.md");
        File.WriteAllText(search, "---\ntitle: Search\nlayout: search\n_build:\n  list: never\n---\n");
        return count + 1;
    }

    private static void WriteConfig(string siteYml, string target)
    {
        var settings = File.ReadAllLines(siteYml).Select(l => l.Split(": ", 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1]);
        var config = $"""
            baseURL: {settings["base_url"]}
            title: {settings["title"]}
            languageCode: {settings["language"]}
            disableKinds: [taxonomy, term, RSS]
            enableRobotsTXT: true
            params:
              description: {settings["description"]}
              author: {settings["author"]}
            markup:
              goldmark:
                extensions:
                  typographer: true
                  footnote: true
                  table: true
                parser:
                  autoHeadingIDType: github
              tableOfContents:
                startLevel: 2
                endLevel: 2
            """;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, config + "\n");
    }
}
