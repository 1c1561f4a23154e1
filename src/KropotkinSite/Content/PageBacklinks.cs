namespace KropotkinSite.Content;

/// <summary>The pages that link to one, by title, and the same by section (see <see cref="Of"/>).</summary>
public sealed record PageBacklinks(IReadOnlyList<PageEntry> Pages, IReadOnlyList<BacklinkSection> Sections)
{
    public static readonly PageBacklinks None = new([], []);

    /// <summary>The sources by title, and by section in the navigation's order (top-level pages last, as "Other
    /// pages"), each by title; a section is named and placed by its heading.</summary>
    public static PageBacklinks Of(IReadOnlyList<PageEntry> sources, IReadOnlyList<SectionHeading> headings)
    {
        if (sources.Count == 0) return None;
        var pages = sources.ToArray();
        Array.Sort(pages, PageEntry.CompareTitles);
        // A few sections, each found by a short scan.
        var groups = new List<(SectionHeading Heading, List<PageEntry> Pages)>();
        foreach (var source in pages)
        {
            var section = source.Section;
            var group = 0;
            while (group < groups.Count && groups[group].Heading.Section != section) group++;
            if (group == groups.Count) groups.Add((HeadingOf(section, headings), [source]));
            else groups[group].Pages.Add(source);
        }
        // Sections are distinct, so this order has no ties.
        groups.Sort(static (a, b) => a.Heading.Place != b.Heading.Place
            ? a.Heading.Place.CompareTo(b.Heading.Place)
            : string.CompareOrdinal(a.Heading.Section, b.Heading.Section));
        return new PageBacklinks(pages, [.. groups.Select(g => new BacklinkSection(g.Heading.Title, [.. g.Pages]))]);
    }

    private static SectionHeading HeadingOf(string section, IReadOnlyList<SectionHeading> headings)
    {
        if (section.Length == 0) return new SectionHeading("", "Other pages", int.MaxValue);
        foreach (var heading in headings)
            if (heading.Section == section) return heading;
        return new SectionHeading(section, section, int.MaxValue - 1);
    }
}
