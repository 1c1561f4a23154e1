using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace KropotkinSite.Content;

/// <summary>
/// Loads YAML into YamlDotNet's node model with the limits a build tool needs against hostile input. Nesting
/// deeper than <see cref="MaxDepth"/>, an alias inside the very node it names (a cycle, which recurses forever
/// in anything that walks the nodes) and aliases that repeat more than <see cref="MaxAliasedNodes"/> nodes in
/// all (the "billion laughs") are thrown as a <see cref="YamlException"/> at the offending node, like any
/// other YAML mistake, before the node model is built from them.
/// </summary>
public static class SafeYaml
{
    public const int MaxDepth = 100;
    public const long MaxAliasedNodes = 100_000;

    public static YamlStream Load(string text)
    {
        var stream = new YamlStream();
        try
        {
            // Front matter in the plain shape is read without YamlDotNet's scanner, into the same events.
            IParser events = PlainYaml.Read(text) is { } plain
                ? new ReadEvents(plain)
                : new Parser(new StringReader(text));
            stream.Load(new GuardedParser(events));
        }
        catch (YamlException e) when (e.Message.Contains(" tab ", StringComparison.Ordinal)
            && TabAfter(text, e.Start) is { } tab)
        {
            // YamlDotNet reports a tab in indentation at the node around it (even at the document's start); point at
            // the tab.
            throw new YamlException(tab, tab, e.Message, e);
        }
        return stream;
    }

    private static Mark? TabAfter(string text, Mark from)
    {
        var index = text.IndexOf('\t', (int)Math.Min(from.Index, text.Length));
        if (index < 0) return null;
        var lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        var line = 1 + text.AsSpan(0, lineStart).Count('\n');
        return new Mark(index, line, index - lineStart + 1);
    }

    /// <summary>Events read already, passed on one by one.</summary>
    private sealed class ReadEvents(IReadOnlyList<ParsingEvent> events) : IParser
    {
        private int _next;

        public ParsingEvent? Current { get; private set; }

        public bool MoveNext()
        {
            Current = _next < events.Count ? events[_next++] : null;
            return Current is not null;
        }
    }

    /// <summary>Passes the parser's events on, checking each before the node model sees it.</summary>
    private sealed class GuardedParser(IParser inner) : IParser
    {
        // For each anchor name, its most recent node: still open (being read), or its size with aliases expanded.
        private readonly Dictionary<string, long?> _anchors = new(StringComparer.Ordinal);
        private readonly Stack<(string? Anchor, long CountBefore)> _open = new();
        private long _count;
        private long _aliased;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            try
            {
                if (!inner.MoveNext()) return false;
            }
            catch (Exception e) when (e is not YamlException)
            {
                // YamlDotNet 18.1 throws InvalidOperationException for a plain value inside an unclosed '{' followed
                // by a line starting with '-': reported where the last node began.
                var at = inner.Current?.Start ?? Mark.Empty;
                throw new YamlException(at, at,
                    "cannot be read after this point; check the brackets and quotes opened here", e);
            }
            switch (inner.Current)
            {
                case DocumentStart:
                    _anchors.Clear();
                    break;
                case AnchorAlias alias:
                    if (!_anchors.TryGetValue(alias.Value.Value, out var size))
                        throw new YamlException(alias.Start, alias.End,
                            $"the alias *{alias.Value.Value} names no anchor; mark the node it repeats with " +
                            $"&{alias.Value.Value} before it");
                    if (size is null)
                        throw new YamlException(alias.Start, alias.End,
                            $"the alias *{alias.Value.Value} stands inside the node &{alias.Value.Value} it repeats, " +
                            "which never ends");
                    _count += size.Value;
                    _aliased += size.Value;
                    if (_aliased > MaxAliasedNodes)
                        throw new YamlException(alias.Start, alias.End,
                            $"aliases (*name) repeat more than {MaxAliasedNodes} values in all; write the values out " +
                            "instead");
                    break;
                case Scalar scalar:
                    _count++;
                    if (!scalar.Anchor.IsEmpty) _anchors[scalar.Anchor.Value] = 1;
                    break;
                case NodeEvent start and (SequenceStart or MappingStart):
                    if (_open.Count >= MaxDepth)
                        throw new YamlException(start.Start, start.End,
                            $"lists and mappings are nested more than {MaxDepth} deep");
                    var anchor = start.Anchor.IsEmpty ? null : start.Anchor.Value;
                    if (anchor is not null) _anchors[anchor] = null;
                    _open.Push((anchor, _count));
                    _count++;
                    break;
                case SequenceEnd or MappingEnd:
                    var (name, before) = _open.Pop();
                    if (name is not null) _anchors[name] = _count - before;
                    break;
            }
            return true;
        }
    }
}
