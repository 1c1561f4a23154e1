namespace KropotkinSite.Tests.Support;

/// <summary>One <c>[[headers]]</c> table of netlify.toml: the path pattern and the headers sent for it.</summary>
public sealed record HeaderRule(string Pattern, IReadOnlyDictionary<string, string> Values);
