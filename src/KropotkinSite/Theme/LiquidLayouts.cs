using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;
using KropotkinSite.Content;
using KropotkinSite.Engine;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace KropotkinSite.Theme;

/// <summary>
/// The theme's Liquid layouts, parsed once. A layout may name a parent in its own front matter
/// (<c>layout: base</c>); the child's output reaches the parent as <c>content</c>. Partials live in
/// <c>partials/</c> and are included with <c>{% include 'name' %}</c>.
/// </summary>
public sealed class LiquidLayouts : IEquatable<LiquidLayouts>
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    // Shared by every build of the process: the parser is costly to make, and the member access strategy
    // compiles an accessor the first time a template reads each property, so a preview's rebuild finds them made.
    private static readonly FluidParser Parser = new(new FluidParserOptions { AllowFunctions = false });
    /// <summary>How many statements one page's layouts may run: a loop that never ends in a site's own layout is
    /// stopped and reported instead of hanging the build. Far above what any page needs (the timeline of a
    /// 10,000-page site with 30,000 events takes a few million).</summary>
    public const int MaxSteps = 20_000_000;

    private static readonly MemberAccessStrategy Members =
        new UnsafeMemberAccessStrategy { MemberNameStrategy = MemberNameStrategies.SnakeCase };
    private readonly Dictionary<string, (IFluidTemplate Template, string? Parent)> _layouts =
        new(StringComparer.Ordinal);

    /// <summary>Reads and parses the theme's layouts and partials (through <paramref name="files"/>), reporting
    /// what is wrong with them.</summary>
    public LiquidLayouts(ThemeFiles theme, ICollection<ContentError> errors, IFileSource files)
    {
        var templates = new Dictionary<string, (string FullPath, byte[] Bytes)>(StringComparer.Ordinal);
        Options = new TemplateOptions
        {
            MemberAccessStrategy = Members,
            FileProvider = new PartialFiles(templates),
            CultureInfo = System.Globalization.CultureInfo.InvariantCulture,
            TimeZone = TimeZoneInfo.Utc,
            MaxSteps = MaxSteps,
        };
        Options.Filters.AddFilter("layout", LayoutFilter);
        // Liquid's own raw, but a layout's content stays a ContentValue, which is written without becoming a string.
        Options.Filters.AddFilter("raw", static (input, _, _) => new ValueTask<FluidValue>(ContentValue.Raw(input)));
        var version = new System.Text.StringBuilder();
        foreach (var (relative, full) in theme.Files)
        {
            if (!ThemeFiles.IsTemplatePath(relative)) continue;
            var read = files.Read(full[..^relative.Length], relative);
            if (read.Document is not { } file)
            {
                errors.Add(new ContentError(full, 1, 1, ErrorCodes.UnreadableFile, read.Problem ?? "cannot be read"));
                continue;
            }
            var bytes = file.Content.ToArray();
            templates[relative] = (full, bytes);
            var text = Decode(bytes);
            version.Append(relative).Append('\0').Append(text).Append('\0');
            if (!relative.StartsWith(ThemeFiles.LayoutsFolder, StringComparison.Ordinal)
                || !relative.EndsWith(".liquid", StringComparison.Ordinal)) continue;
            var name = relative[ThemeFiles.LayoutsFolder.Length..^".liquid".Length];
            var (parent, body, bodyLine) = SplitParent(text);
            if (Parser.TryParse(body, out var template, out var error))
                _layouts[name] = (template, parent);
            else
            {
                errors.Add(new ContentError(full, bodyLine, 1, ErrorCodes.TemplateError,
                    $"the layout is not valid Liquid: {error}"));
                // Kept as a layout that passes its content through, so the pages and layouts that use it are not
                // reported as well.
                _layouts[name] = (Parser.Parse("{{ content | raw }}"), parent);
            }
        }
        Version = TextHash.Of(version.ToString());
        foreach (var (file, reason) in theme.Refused)
            errors.Add(new ContentError(file, 1, 1, ErrorCodes.UnreadableFile, $"is not read: {reason}"));
        foreach (var (name, (template, parent)) in _layouts.ToArray())
            if (parent is not null && !_layouts.ContainsKey(parent))
            {
                errors.Add(new ContentError(theme.Files[ThemeFiles.LayoutsFolder + name + ".liquid"], 2, 1,
                    ErrorCodes.UnknownLayout,
                    $"its parent layout '{parent}' does not exist in {ThemeFiles.LayoutsFolder}"));
                _layouts[name] = (template,
                    null); // reported: rendering goes on without it (it threw KeyNotFoundException for every page)
            }
    }

    public TemplateOptions Options { get; }

    /// <summary>A hash of every layout and partial with its path: layouts of one version render every page
    /// alike.</summary>
    public string Version { get; }

    public bool Equals(LiquidLayouts? other) => other is not null && other.Version == Version;

    public override bool Equals(object? obj) => Equals(obj as LiquidLayouts);

    public override int GetHashCode() => Version.GetHashCode(StringComparison.Ordinal);

    /// <summary>A template's text as <see cref="File.ReadAllText(string)"/> gives it: by its byte order mark, else
    /// UTF-8.</summary>
    private static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8,
            detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    public bool Has(string name) => IsValidName(name) && _layouts.ContainsKey(name);

    public IEnumerable<string> Names => _layouts.Keys.Order(StringComparer.Ordinal);

    /// <summary>A layout name is a plain file name: it can never reach outside the theme's layouts folder.</summary>
    public static bool IsValidName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            && char.IsAsciiLetterOrDigit(name[0]);

    /// <summary>Renders a layout and its parents around a model; the model's <c>content</c> grows outward (each
    /// parent's is a <see cref="ContentValue"/> of what the layout nested in it wrote, given by
    /// <paramref name="withContent"/>). Gives the page's UTF-8 bytes, and where the parts taken from
    /// <paramref name="parts"/> lie in them: the <c>layout</c> filter takes the parts it names from there when they
    /// are there, and their bytes are copied, not encoded again.</summary>
    public RenderedPage Render(string name, object model, Func<object, object> withContent,
        RenderedParts? parts = null)
    {
        var current = model;
        var layout = name;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // The strings a layout may write that stand for pieces already made: the parts.
        var known = new Dictionary<string, Piece[]>(ReferenceEqualityComparer.Instance);
        foreach (var part in parts?.Rendered ?? [])
            if (part is { Html.Length: > 0 }) known.TryAdd(part.Html, [new Piece(null, part)]);
        while (true)
        {
            if (!seen.Add(layout)) throw new InvalidOperationException($"Layouts nest in a cycle at '{layout}'.");
            var (template, parent) = _layouts[layout];
            var context = new TemplateContext(new ModelValue(current), Options);
            if (parts is not null) context.AmbientValues[PartsValue] = parts;
            if (parent is null)
            {
                var page = new PageWriter(Kept(), known);
                Write(layout, template, context, page);
                return page.Page();
            }
            var writer = new PieceWriter(Kept(), known);
            Write(layout, template, context, writer);
            current = withContent(ContentValue.Of(writer.Pieces()));
            layout = parent;
        }
    }

    // Each thread writes its text into one builder, kept between pages at its grown size (Fluid's own render starts
    // every page from a small pooled builder, growing it a block at a time and copying the blocks into a string).
    [ThreadStatic] private static StringBuilder? t_output;
    private const int KeptOutputCapacity = 1 << 20;

    private static StringBuilder Kept()
    {
        var output = t_output is { Capacity: <= KeptOutputCapacity } kept ? kept.Clear() : new StringBuilder(64 * 1024);
        t_output = output;
        return output;
    }

    private const string PartsValue = "renderedParts";
    private const string DepthValue = "partDepth";

    /// <summary>How deep parts may nest (a part whose layout lays out parts in turn): a layout that lays itself out
    /// is stopped and reported instead of overflowing the stack.</summary>
    public const int MaxPartDepth = 16;

    /// <summary>Renders one layout alone (not its parents) around a model: a part of a page.</summary>
    public string RenderPart(string name, object? model) => RenderPart(name, model, 0);

    private string RenderPart(string name, object? model, int depth)
    {
        if (!Has(name))
            throw new InvalidOperationException(
                $"the filter 'layout' names '{name}', which {ThemeFiles.LayoutsFolder} does not have");
        if (depth > MaxPartDepth)
            throw new InvalidOperationException(
                $"parts laid out with the filter 'layout' nest more than {MaxPartDepth} deep at '{name}' " +
                "(a layout that lays itself out?)");
        var context = model is null
            ? new TemplateContext(Options)
            : new TemplateContext(new ModelValue(model), Options);
        context.AmbientValues[DepthValue] = depth;
        // A builder of its own, not one kept by the thread as a page's is: kept, it raised the peak memory of a
        // build with many large parts (events-n10000: 662 -> 682 MiB, native) for 30 MiB less allocated.
        var output = new StringBuilder(4 * 1024);
        using var writer = new StringWriter(output, System.Globalization.CultureInfo.InvariantCulture);
        Write(name, _layouts[name].Template, context, writer);
        return output.ToString();
    }

    /// <summary><c>{{ model | layout: 'name' }}</c>: the part laid out beforehand for that model, else laid out
    /// now.</summary>
    private ValueTask<FluidValue> LayoutFilter(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var name = arguments.At(0).ToStringValue();
        var model = input.ToObjectValue();
        var html = model is not null && context.AmbientValues.TryGetValue(PartsValue, out var found)
                   && found is RenderedParts parts
            ? parts.Find(name, model)?.Html
            : null;
        var depth = context.AmbientValues.TryGetValue(DepthValue, out var value) && value is int d ? d : 0;
        return new StringValue(html ?? RenderPart(name, model, depth + 1), encode: false);
    }

    private static void Write(string layout, IFluidTemplate template, TemplateContext context, TextWriter writer)
    {
        // As Fluid's own render does: the template's assignments stay out of the model's scope.
        context.EnterChildScope();
        try
        {
            var rendering = template.RenderAsync(writer, Encoder, context);
            if (!rendering.IsCompletedSuccessfully) rendering.AsTask().GetAwaiter().GetResult();
        }
        catch (FileNotFoundException e) // Fluid's include of a partial that does not exist
        {
            throw new InvalidOperationException(
                $"layout '{layout}' includes '{e.Message}', which {ThemeFiles.PartialsFolder} does not have", e);
        }
        finally
        {
            context.ReleaseScope();
        }
    }

    private static (string? Parent, string Body, int BodyLine) SplitParent(string text)
    {
        var normalized = text.Replace("\r\n", "\n");
        if (!normalized.StartsWith("---\n", StringComparison.Ordinal)) return (null, text, 1);
        var close = normalized.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        if (close < 0) return (null, text, 1);
        string? parent = null;
        foreach (var line in normalized[4..Math.Max(4, close)].Split('\n')) // close is 3 when the front matter is empty
            if (line.StartsWith("layout:", StringComparison.Ordinal)) parent = line["layout:".Length..].Trim().Trim('"',
                '\'');
        var bodyLine = normalized[..(close + 5)].Count(c => c == '\n') + 1;
        return (parent, normalized[(close + 5)..], bodyLine);
    }

    /// <summary>
    /// Serves <c>partials/</c> of the theme overlay to Liquid's include and render tags. Fluid asks for a partial
    /// on every include of every page; each was read with the layouts and is served from memory.
    /// </summary>
    private sealed class PartialFiles(Dictionary<string, (string FullPath, byte[] Bytes)> templates) : IFileProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IFileInfo> _files =
            new(StringComparer.Ordinal);

        public IFileInfo GetFileInfo(string subpath) =>
            _files.GetOrAdd(subpath, static (subpath, self) => self.Find(subpath), this);

        private IFileInfo Find(string subpath)
        {
            var key = ThemeFiles.PartialsFolder + subpath.TrimStart('/').Replace('\\', '/');
            return templates.TryGetValue(key, out var file) && !key.Contains("..", StringComparison.Ordinal)
                ? new PartialFile(new FileInfo(file.FullPath), file.Bytes)
                : new NotFoundFileInfo(subpath);
        }

        public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

        public IChangeToken Watch(string filter) => NullChangeToken.Singleton;
    }

    private sealed class PartialFile(FileInfo file, byte[] content) : IFileInfo
    {
        private readonly DateTimeOffset _lastModified = file.LastWriteTimeUtc;

        public bool Exists => true;
        public long Length => content.Length;
        public string? PhysicalPath => file.FullName;
        public string Name => file.Name;
        public DateTimeOffset LastModified => _lastModified;
        public bool IsDirectory => false;
        public Stream CreateReadStream() => new MemoryStream(content, writable: false);
    }
}
