namespace KropotkinSite.Content;

/// <summary>Every event of the site in timeline order, with the id each has on the timeline page.</summary>
public sealed record TimelineData(IReadOnlyList<TimelineEvent> Ordered, IReadOnlyList<string> Ids)
{
    private readonly Dictionary<(string, SourcePosition), string> _idBySource =
        Ordered.Select((e, i) => (e, i)).ToDictionary(p => (p.e.SourceFile, p.e.Position), p => Ids[p.i]);

    /// <summary>The id of an event declared at a place in a file, if the timeline shows it.</summary>
    public string? IdOf(TimelineEvent e) => _idBySource.GetValueOrDefault((e.SourceFile, e.Position));

    /// <summary>Whether every event declared anywhere has the same id here as in another timeline (as when only
    /// the title of a page an event links to changed): then only the timeline page itself shows a difference.</summary>
    public bool GivesSameIdsAs(TimelineData other)
    {
        if (Ordered.Count != other.Ordered.Count) return false;
        for (var i = 0; i < Ordered.Count; i++)
            if (Ids[i] != other.Ids[i] || Ordered[i].SourceFile != other.Ordered[i].SourceFile || Ordered[i].Position != other.Ordered[i].Position)
                return false;
        return true;
    }
}
