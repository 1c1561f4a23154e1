using System.Text.RegularExpressions;

namespace KropotkinSite.Tests.Support;

/// <summary>
/// The response headers netlify.toml sets, by the path pattern they are for (<c>/*</c>, <c>/assets/*</c>):
/// what every other host of the site must send too. Reads only the <c>[[headers]]</c> tables' simple
/// <c>for = "…"</c> and <c>Name = "value"</c> lines, the form netlify.toml keeps them in.
/// </summary>
public static partial class NetlifyHeaders
{
    public static IReadOnlyList<HeaderRule> Read(string netlifyToml)
    {
        var rules = new List<HeaderRule>();
        Dictionary<string, string>? current = null;
        foreach (var line in File.ReadLines(netlifyToml).Select(l => l.Trim()))
        {
            if (line.StartsWith('[') && line != "[headers.values]") current = null;
            if (ForLine().Match(line) is { Success: true } rule)
            {
                current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                rules.Add(new HeaderRule(rule.Groups[1].Value, current));
            }
            else if (current is not null && ValueLine().Match(line) is { Success: true } value)
                current[value.Groups[1].Value] = value.Groups[2].Value;
        }
        Assert.NotEmpty(rules);
        return rules;
    }

    /// <summary>The headers a response for <paramref name="path"/> (under the site's base path) must carry.</summary>
    public static IReadOnlyDictionary<string, string> For(IReadOnlyList<HeaderRule> rules, string path) =>
        rules.Where(r => path.StartsWith(r.Pattern.TrimEnd('*'), StringComparison.Ordinal))
            .SelectMany(r => r.Values)
            .GroupBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex("""^for\s*=\s*"([^"]+)"$""")]
    private static partial Regex ForLine();

    [GeneratedRegex("""^([A-Za-z][A-Za-z0-9-]*)\s*=\s*"(.*)"$""")]
    private static partial Regex ValueLine();
}
