namespace KropotkinSite.Content;

/// <summary>A line and column in a source file (1-based), for error messages.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public static readonly SourcePosition Start = new(1, 1);
}

/// <summary>Site settings from <c>_site.yml</c>.</summary>
public sealed record SiteSettings(
    string Title,
    string? Description,
    string? Author,
    string Language,
    Uri? BaseUrl,
    string? License,
    string? Sources,
    IReadOnlyList<TimelinePeriod> Periods,
    SiteSubject? Subject)
{
    public static SiteSettings Default(string title) => new(title, null, null, "en", null, null, null, [], null);
}

/// <summary>The person a biography site is about (optional <c>subject</c> in <c>_site.yml</c>), for structured data.</summary>
public sealed record SiteSubject(string Name, string? AlternateName, PartialDate? BirthDate, string? BirthPlace, PartialDate? DeathDate, string? DeathPlace, string? Description);

/// <summary>A named stretch of time the timeline groups its events by (optional <c>timeline_periods</c> in <c>_site.yml</c>).</summary>
public sealed record TimelinePeriod(string Title, PartialDate Start, PartialDate End, string? Summary);

public enum WorkKind { Book, Pamphlet, Article, Collection }

public sealed record ETextSource(string Source, string? Url);

/// <summary>The bibliographic facts of a work page (<c>input/works/*.md</c>).</summary>
public sealed record Work(
    int? Year,
    WorkKind Kind,
    string? OriginalTitle,
    string? Language,
    string? Place,
    string? Publisher,
    IReadOnlyList<ETextSource> ETexts,
    bool Unfinished)
{
    public string KindName => Kind.ToString().ToLowerInvariant();
}

/// <summary>A place an event names, and where its name is written (for errors).</summary>
public readonly record struct EventPlace(string Name, SourcePosition Position);

/// <summary>A dated event that feeds the timeline.</summary>
/// <param name="Places">The places it names (<c>place:</c>, one name or a list), in the order written.</param>
/// <param name="SourceFile">The file that declared it, for ordering ties and error messages.</param>
/// <param name="PageUrl">Address of the page that tells of it (site-relative, e.g. <c>/life/siberia/</c>), if any.</param>
public sealed record TimelineEvent(
    PartialDate Date,
    PartialDate? End,
    string Title,
    ValueList<EventPlace> Places,
    string? Anchor,
    string SourceFile,
    SourcePosition Position,
    string? PageUrl = null,
    string? PageTitle = null)
{
    /// <summary>The names of its places joined for reading ("London and Paris"), or null when it names none.</summary>
    public string? Place => Places.Count == 0 ? null : PlaceNames.Join(Places.Select(p => p.Name).ToArray());
}

/// <summary>What a page's front matter says, validated against the content model.</summary>
public sealed record PageInfo(
    string Title,
    string? Description,
    string? Layout,
    SourcePosition LayoutPosition,
    int? Order,
    bool Draft,
    IReadOnlyList<TimelineEvent> Events,
    Work? Work);
