using System.Text.RegularExpressions;

namespace KropotkinSite.Tests.Support;

/// <summary>
/// One error line of a build, <c>file(line,col): error KSnnnn: message</c>, with the file made relative to the
/// site's input folder when it lies there (<c>life/early.md(3,8): error KS0006</c>), so tests can compare
/// errors without knowing where the temporary site was.
/// </summary>
public sealed partial record ReportedError(string File, int Line, int Column, string Code, string Message)
{
    /// <summary>The form every error line must have: a file, a 1-based position, a documented code and a
    /// message.</summary>
    [GeneratedRegex(@"^(?<file>.+)\((?<line>\d+),(?<column>\d+)\): error (?<code>KS\d{4}): (?<message>\S.*)$")]
    public static partial Regex Form();

    /// <summary>The short form kept in the corpus's expected.txt: no message.</summary>
    public string Key => $"{File}({Line},{Column}): error {Code}";

    /// <summary>Every line of stderr that says "error", parsed; a line that says "error" without the form fails the
    /// test.
    /// Relative paths are read from the folder the build ran in (the test's own, unless a child ran
    /// elsewhere).</summary>
    public static IReadOnlyList<ReportedError> Parse(string stderr, string inputFolder, string? workingDirectory = null)
    {
        var errors = new List<ReportedError>();
        foreach (var raw in stderr.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (!line.Contains(" error ", StringComparison.Ordinal)
                && !line.Contains(": error", StringComparison.Ordinal)) continue;
            var match = Form().Match(line);
            Assert.True(match.Success,
                $"an error line is not in the form file(line,col): error KSnnnn: message:\n{line}");
            errors.Add(new ReportedError(
                RelativeToInput(match.Groups["file"].Value, inputFolder,
                    workingDirectory ?? Directory.GetCurrentDirectory()),
                int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture),
                match.Groups["code"].Value,
                match.Groups["message"].Value));
        }
        return errors;
    }

    private static string RelativeToInput(string file, string inputFolder, string workingDirectory)
    {
        var full = Path.GetFullPath(file,
            workingDirectory); // the build prints paths relative to its current folder when it can
        var root = Path.GetFullPath(inputFolder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (!full.StartsWith(root, StringComparison.Ordinal)) return file;
        var relative = full[root.Length..];
        return Path.DirectorySeparatorChar == '\\' ? relative.Replace('\\', '/') : relative;
    }
}
