namespace KropotkinSite.Content;

/// <summary>Every event of the site in timeline order, with the id each has on the timeline page.</summary>
public sealed record TimelineData(IReadOnlyList<TimelineEvent> Ordered, IReadOnlyList<string> Ids)
{
    private readonly Dictionary<(string, SourcePosition), string> _idBySource =
        Ordered.Select((e, i) => (e, i)).ToDictionary(p => (p.e.SourceFile, p.e.Position), p => Ids[p.i]);

    /// <summary>The id of an event declared at a place in a file, if the timeline shows it.</summary>
    public string? IdOf(TimelineEvent e) => _idBySource.GetValueOrDefault((e.SourceFile, e.Position));
}
