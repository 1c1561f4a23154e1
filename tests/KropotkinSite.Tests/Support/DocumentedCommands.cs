using System.Text;
using System.Text.RegularExpressions;

namespace KropotkinSite.Tests.Support;

/// <summary>The shell commands a Markdown document shows (its <c>```sh</c> blocks), for tests that run them.</summary>
public static partial class DocumentedCommands
{
    public const string Generator = "dotnet run --project src/KropotkinSite";

    /// <summary>Each command line of the document's sh blocks, without its trailing comment.</summary>
    public static IReadOnlyList<string> In(string markdownFile)
    {
        var commands = new List<string>();
        var inBlock = false;
        foreach (var line in File.ReadLines(markdownFile))
        {
            if (line.StartsWith("```", StringComparison.Ordinal)) inBlock = !inBlock && line == "```sh";
            else if (inBlock && line.Trim().Length > 0) commands.Add(TrailingComment().Replace(line, "").Trim());
        }
        return commands;
    }

    /// <summary>The generator's own arguments (after <c>--</c>) when the command runs it, else null.</summary>
    public static string[]? GeneratorArguments(string command)
    {
        if (!command.StartsWith(Generator, StringComparison.Ordinal)) return null;
        var words = Words(command);
        var separator = words.IndexOf("--");
        return separator < 0 ? [] : words.Skip(separator + 1).ToArray();
    }

    /// <summary>A command line split into words as a shell splits it (spaces, double quotes).</summary>
    public static List<string> Words(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool quoted = false, any = false;
        foreach (var c in command)
        {
            if (c == '"') { quoted = !quoted; any = true; }
            else if (c == ' ' && !quoted)
            {
                if (any) words.Add(word.ToString());
                word.Clear();
                any = false;
            }
            else { word.Append(c); any = true; }
        }
        if (any) words.Add(word.ToString());
        return words;
    }

    [GeneratedRegex(@"\s{2,}#.*$")]
    private static partial Regex TrailingComment();
}
