using System.Globalization;
using System.Net;
using System.Net.Sockets;

/// <summary>How each server is started on a site folder, the way its users run it.</summary>
static class Servers
{
    /// <summary>
    /// <c>KropotkinSite preview</c>, from a <c>.dll</c> through <c>dotnet</c> or from an executable, on a free port.
    /// It prints "… at http://127.0.0.1:PORT/ (Ctrl+C …" once the first build is served.
    /// </summary>
    public static ServerProcess Ours(string program, string input, string output, string theme)
    {
        string[] arguments = ["preview", "--input", input, "--output", output, "--theme", theme, "--port", "0"];
        var (file, all) = program.EndsWith(".dll", StringComparison.Ordinal)
            ? ("dotnet", arguments.Prepend(program))
            : (program, arguments);
        return ServerProcess.Start("preview", file, all, @"at (http://\S+/) \(Ctrl\+C");
    }

    /// <summary>
    /// <c>hugo server</c> with only <c>--source</c> and <c>--port</c> (and <paramref name="flags"/>, none by default),
    /// so the rest is what a Hugo user gets: pages rendered to memory, Fast Render Mode (after an edit it renders
    /// again only the pages clients have asked for, the others when asked), live reload, fsnotify watching (events
    /// taken in batches on a 500 ms tick), bound to 127.0.0.1.
    /// The port is picked here because Hugo's default (1313) may be taken by another run.
    /// It prints "Web Server is available at http://localhost:PORT/ (bind address 127.0.0.1)" when serving.
    /// </summary>
    public static ServerProcess Hugo(string source, IEnumerable<string> flags)
    {
        string[] arguments = ["server", "--source", source, "--port", FreePort().ToString(CultureInfo.InvariantCulture)];
        return ServerProcess.Start("hugo", "hugo", arguments.Concat(flags), @"Web Server is available at (http://\S+/)");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
