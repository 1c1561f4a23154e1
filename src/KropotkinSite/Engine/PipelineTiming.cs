namespace KropotkinSite.Engine;

public sealed record PipelineTiming(string Pipeline, int Documents, TimeSpan Elapsed);
