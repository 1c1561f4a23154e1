using System.Text;
using KropotkinSite.Content;
using KropotkinSite.Engine;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KropotkinSite.Modules;

/// <summary>
/// Checks each document is UTF-8 and splits off YAML front matter between a first line <c>---</c> and the next
/// <c>---</c>. Sets <c>frontMatter</c> (a mapping, empty when there is none) and <c>bodyLine</c> (1-based line of
/// the body's first line); the document's content becomes the body, as UTF-8 bytes (the file's own, without a
/// byte order mark, with bare CRs made LF). The body stays bytes until it is rendered: as a string it would take
/// twice the memory, for every page at once. Documents it cannot read are reported and dropped.
/// </summary>
public sealed record ParseFrontMatter : IModule
{
    public const string FrontMatter = "frontMatter";
    public const string BodyLine = "bodyLine";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false,
        throwOnInvalidBytes: true);

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context) =>
        context.Map(inputs, Parse);

    private static Document? Parse(Document document, IExecutionContext context)
    {
        var content = document.Content;
        if (content.Span.StartsWith("\uFEFF"u8)) content = content[3..];
        (string? Yaml, ReadOnlyMemory<byte> Body, int BodyLine, bool Closed) parts;
        // Nearly every file: split as bytes, so that only the front matter becomes a string.
        if (System.Text.Unicode.Utf8.IsValid(content.Span) && !HasBareCarriageReturn(content.Span))
        {
            var (yamlText, bodyStart, line, isClosed) = Split(content.Span);
            parts = (yamlText, content[bodyStart..], line, isClosed);
        }
        else
        {
            var text = Decode(document, context);
            if (text is null) return null;
            if (HasBareCarriageReturn(text))
                text = text.Replace("\r\n", "\n").Replace('\r',
                    '\n'); // line ends of old Macs: every CR ends a line, as editors show it
            var (yamlText, bodyText, line, isClosed) = Split(text);
            parts = (yamlText, Encoding.UTF8.GetBytes(bodyText), line, isClosed);
        }
        var (yaml, body, bodyLine, closed) = parts;
        if (!closed)
        {
            context.Report(new ContentError(document.Source, 1, 1, ErrorCodes.FrontMatterNotClosed,
                "front matter starts with '---' but no line '---' closes it; add a line '---' after the last key"));
            return null;
        }
        var map = yaml is null ? new YamlMappingNode() : ParseYaml(document, yaml, context);
        if (map is null) return null;
        return document.With(FrontMatter, map).With(BodyLine, bodyLine).WithContent(body);
    }

    public static string? Decode(Document document, IExecutionContext context)
    {
        var bytes = document.Content.Span;
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            var (line, column) = FirstInvalidUtf8(bytes);
            context.Report(new ContentError(document.Source, line, column, ErrorCodes.InvalidUtf8,
                "the file is not valid UTF-8; save it with UTF-8 encoding"));
            return null;
        }
    }

    private static (int Line, int Column) FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        int line = 1, lineStart = 0, i = 0;
        while (i < bytes.Length
            && Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            if (bytes[i] == (byte)'\n') { line++; lineStart = i + 1; }
            i += consumed;
        }
        return (line, Encoding.UTF8.GetCharCount(bytes[lineStart..i]) + 1);
    }

    private static bool HasBareCarriageReturn(string text)
    {
        for (var i = text.IndexOf('\r'); i >= 0; i = text.IndexOf('\r', i + 1))
            if (i + 1 == text.Length || text[i + 1] != '\n') return true;
        return false;
    }

    private static bool HasBareCarriageReturn(ReadOnlySpan<byte> text)
    {
        for (var i = text.IndexOf((byte)'\r'); i >= 0; i = NextIndexOf(text, (byte)'\r', i + 1))
            if (i + 1 == text.Length || text[i + 1] != '\n') return true;
        return false;
    }

    private static int NextIndexOf(ReadOnlySpan<byte> text, byte value, int from) =>
        text[from..].IndexOf(value) is var at and >= 0 ? from + at : -1;

    /// <summary>As <see cref="Split(string)"/>, on valid UTF-8 with LF or CRLF line ends: the same parts, the body
    /// as where it starts.</summary>
    private static (string? Yaml, int BodyStart, int BodyLine, bool Closed) Split(ReadOnlySpan<byte> text)
    {
        if (!IsFence(text, 0, out var afterOpen)) return (null, 0, 1, true);
        var position = afterOpen;
        var line = 2;
        while (position < text.Length)
        {
            if (IsFence(text, position, out var afterClose))
                return (Encoding.UTF8.GetString(text[afterOpen..position]), afterClose, line + 1, true);
            var next = NextIndexOf(text, (byte)'\n', position);
            if (next < 0) break;
            position = next + 1;
            line++;
        }
        return (null, text.Length, 1, false);
    }

    private static bool IsFence(ReadOnlySpan<byte> text, int start, out int next)
    {
        next = start;
        if (!text[start..].StartsWith("---"u8)) return false;
        var end = NextIndexOf(text, (byte)'\n', start);
        var rest = text[(start + 3)..(end < 0 ? text.Length : end)];
        // What follows the dashes is rarely more than a CR; anything else is judged as the text version does.
        if (!rest.IsEmpty && !(rest is [(byte)'\r']) && !Encoding.UTF8.GetString(rest).AsSpan().Trim().IsEmpty)
            return false;
        next = end < 0 ? text.Length : end + 1;
        return true;
    }

    /// <summary>Splits text into front matter and body. Line ends may be LF or CRLF (bare CRs are made LF
    /// before).</summary>
    private static (string? Yaml, string Body, int BodyLine, bool Closed) Split(string text)
    {
        if (!IsFence(text, 0, out var afterOpen)) return (null, text, 1, true);
        var position = afterOpen;
        var line = 2;
        while (position < text.Length)
        {
            if (IsFence(text, position, out var afterClose))
                return (text[afterOpen..position], text[afterClose..], line + 1, true);
            var next = text.IndexOf('\n', position);
            if (next < 0) break;
            position = next + 1;
            line++;
        }
        return (null, "", 1, false);
    }

    private static bool IsFence(string text, int start, out int next)
    {
        next = start;
        if (string.CompareOrdinal(text, start, "---", 0, 3) != 0) return false;
        var end = text.IndexOf('\n', start);
        var lineEnd = end < 0 ? text.Length : end;
        if (!text.AsSpan(start + 3, lineEnd - start - 3).Trim().IsEmpty) return false;
        next = end < 0 ? text.Length : end + 1;
        return true;
    }

    private static YamlMappingNode? ParseYaml(Document document, string yaml, IExecutionContext context)
    {
        try
        {
            var stream = SafeYaml.Load(yaml);
            if (stream.Documents.Count == 0) return new YamlMappingNode();
            var root = stream.Documents[0].RootNode;
            if (root is YamlMappingNode map) return map;
            if (YamlFields.IsNull(root)) return new YamlMappingNode();
            context.Report(new ContentError(document.Source, (int)root.Start.Line + 1, (int)root.Start.Column,
                ErrorCodes.FrontMatterNotMapping,
                "front matter must be a set of 'key: value' lines (a YAML mapping), such as 'title: Siberia'"));
            return null;
        }
        catch (YamlException e)
        {
            context.Report(new ContentError(document.Source, (int)e.Start.Line + 1, (int)e.Start.Column,
                ErrorCodes.YamlSyntax,
                    $"the front matter is not valid YAML: {YamlMessage(e)}; quote values that contain ': ' or start " +
                    "with a special character"));
            return null;
        }
    }

    public static string YamlMessage(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        var at = message.IndexOf("): ", StringComparison.Ordinal);
        return (at >= 0 && message.StartsWith('(') ? message[(at + 3)..] : message).TrimEnd('.');
    }
}
