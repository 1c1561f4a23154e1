using System.Globalization;
using System.Net;
using System.Net.Sockets;
using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.EndToEnd;

/// <summary>A preview that cannot listen says so before it builds or writes anything.</summary>
[Trait("Category", "Slow")]
public sealed class PreviewPortTests
{
    [LinuxFact]
    public void A_preview_on_a_port_in_use_exits_2_naming_the_port_and_writes_nothing()
    {
        using var site = TestSite.FromFixture("minimal");
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        using var preview = ChildCommand.Run(site, "preview", "--port", port.ToString(CultureInfo.InvariantCulture));

        Assert.True(preview.ExitCode == 2, preview.Printed);
        Assert.Contains($"127.0.0.1:{port}", preview.Stderr);
        Assert.Contains("--port 0", preview.Stderr);
        Assert.DoesNotContain("   at ", preview.Stderr);
        var entries = Directory.EnumerateFileSystemEntries(site.Root).Select(Path.GetFileName).ToArray();
        Assert.True(entries.SequenceEqual(["input"]),
            $"the preview wrote [{string.Join(", ", entries)}] beside its input");
    }
}
