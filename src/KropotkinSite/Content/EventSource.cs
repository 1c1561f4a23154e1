namespace KropotkinSite.Content;

/// <summary>Where an event is declared: all its id on the timeline is looked up by.</summary>
public sealed record EventSource(string File, SourcePosition Position)
{
    public static EventSource Of(TimelineEvent e) => new(e.SourceFile, e.Position);
}
