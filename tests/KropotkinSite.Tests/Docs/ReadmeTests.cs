using System.Net;
using System.Text.RegularExpressions;
using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.Docs;

/// <summary>
/// The README is short enough to read and every command it shows works: the two commands are what CI runs,
/// and each command of the generator it shows runs here (a preview until it serves).
/// </summary>
public sealed class ReadmeTests
{
    private static string Readme => Path.Combine(Repository.Root, "README.md");

    [Fact]
    public void The_readme_stays_under_seven_thousand_characters()
    {
        var length = File.ReadAllText(Readme).Length;
        Assert.True(length < 7000, $"README.md has {length} characters");
    }

    [Fact]
    public void Its_screenshots_are_checked_in_pictures()
    {
        var pictures = Regex.Matches(File.ReadAllText(Readme), @"!\[[^\]]*\]\(([^)]+)\)")
            .Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["docs/screenshots/home.png", "docs/screenshots/timeline.png"], pictures);
        foreach (var picture in pictures)
        {
            var bytes = File.ReadAllBytes(Path.Combine(Repository.Root, picture));
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        }
    }

    [Fact]
    public void The_two_commands_are_the_ones_ci_runs()
    {
        var commands = DocumentedCommands.In(Readme);
        Assert.Equal(DocumentedCommands.Generator, commands[0]);
        Assert.Equal("dotnet test", commands[1]);
        var ci = File.ReadAllLines(Path.Combine(Repository.Root, ".ci", "run")).Select(l => l.Trim()).ToList();
        Assert.Contains(DocumentedCommands.Generator, ci);
        Assert.Contains(ci, l => l.StartsWith("dotnet test 2>&1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_command_of_the_generator_in_the_readme_runs()
    {
        var commands = DocumentedCommands.In(Readme).Where(c => c != "dotnet test").ToList();
        Assert.True(commands.Count >= 4, string.Join('\n', commands));
        foreach (var command in commands)
        {
            var arguments = DocumentedCommands.GeneratorArguments(command);
            Assert.True(arguments is not null, $"'{command}' is run by no test");
            using var site = TestSite.Minimal();
            string[] folders = ["--input", site.Input, "--output", site.Output, "--theme", site.Theme];
            if (arguments.FirstOrDefault() == "preview")
                await RunPreviewUntilItServes([.. arguments, .. folders, "--port", "0"]);
            else
                Assert.True(CommandLine.Run([.. arguments, .. folders], TextWriter.Null, TextWriter.Null) == 0,
                    command);
        }
    }

    private static async Task RunPreviewUntilItServes(string[] arguments)
    {
        Assert.True(CommandLine.TryParse(arguments, out var parsed, out var problem), problem);
        using var stop = new CancellationTokenSource();
        var stdout = new StringWriter();
        var output = TextWriter.Synchronized(stdout);
        var run = Task.Run(() =>
            CommandLine.Preview(parsed!.Build, IPAddress.Loopback, 0, output, TextWriter.Null, stop.Token));
        string Printed() { lock (output) return stdout.ToString(); } // the synchronized writer locks on itself
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!Printed().Contains("(Ctrl+C", StringComparison.Ordinal) && !run.IsCompleted)
        {
            Assert.True(DateTime.UtcNow < deadline, "the preview did not start serving within a minute");
            await Task.Delay(20);
        }
        var served = Printed();
        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("(Ctrl+C", served);
    }
}
