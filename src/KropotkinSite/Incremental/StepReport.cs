namespace KropotkinSite.Incremental;

/// <summary>What one step did in a run: whether its module ran at all, and how many of the values it asks for
/// (a document mapped, a value derived or computed) were made again or taken from the last run, and how long it
/// took.</summary>
public sealed record StepReport(string Step, bool Ran, int Computed, int Reused, TimeSpan Elapsed);
