using System.Text;

namespace KropotkinSite.Tests.Fuzz;

/// <summary>
/// Seeded random mutations of a file's bytes: truncation, byte flips, duplicated, deleted and swapped lines,
/// YAML specials, deep nesting, odd values, Markdown and HTML specials, random Unicode. The same seed and the
/// same file always give the same mutation, so a failure can be replayed.
/// </summary>
public sealed class Mutator(Random random)
{
    private static readonly string[] YamlSpecials =
    [
        ":", ": ", "- ", "? ", "&a ", "*a", "*nowhere", "&a [*a]", "!!str ", "!!binary ", "!tag ",
        "!!python/object:os.system ", "|", ">-", "|+\n", "---\n", "...\n", "%YAML 1.2\n", "%TAG ! tag:x,2000:\n", "\t",
        "'", "\"", "[", "]", "{", "}", "#", "@", "`", "\\", ",", "\0", "\r", "\r\n", "\uFEFF", "<<: *a\n", "~", "null",
        "!!null ", "? [a, b]\n: c\n", "key: value\n", "title: Again\n", "events:\n", "  - ", "    ",
        "\n  - date: \"1900\"\n    title: Inserted\n", "\n- date: 1900-13-45\n  title: [x\n", "&b {a: *b}",
        "{a: 1, a: 2}",
    ];

    private static readonly string[] OddValues =
    [
        "", "~", "null", "true", "false", "yes", "0", "-1", "99999999999999999999", "1.5e300", ".nan", "0x1F", "[a, b]",
        "{a: b}", "[[[[]]]]", "\"1876-13\"", "\"1876-02-30\"", "\"0000\"", "\"1900-02-29\"", "2024-02-29", "June 1876",
        "\"\"", "''", "\"unclosed", "'unclosed", "book", "novel", "page", "../../etc/passwd", "/etc/passwd",
        "layouts/../../x", "base", "gallery", "life/early.md", "life/missing.md",
        "\"</script><script>alert(1)</script>\"", "\"\\\"><img src=x onerror=alert(1)>\"", "\"{{ site.title }}\"",
        "\"{% include 'header' %}\"", "en", "x-klingon-1234567890", "\"en\\\"><b>\"", "https://example.org/",
        "javascript:alert(1)", "*a", "&a value",
    ];

    private static readonly string[] MarkdownSpecials =
    [
        "[missing](/no/such/page/)", "[fragment](#no-such-heading)", "[other](/life/later/#nope)", "![img](/none.png)",
        "[up](../../../../../etc/passwd)", "<script>alert(1)</script>", "<div>", "</div>", "<!--", "-->", "[^1]",
        "[^1]: note", "| a | b |\n|---|---|\n| 1 | 2 |", "```", "~~~", "# ", "## Heading\n", "    code", "> ", "* ",
        "1. ", "***", "___", "`", "\\", "&amp;", "&#0;", "&#x110000;", "<http://x>", "[x]: /ref", "[x][y]",
        "{{ site.title }}", "{% raw %}", "](", "[", "]", "(", ")", "<", ">", "\u0000",
    ];

    private static readonly string[] Nesting =
        ["[", "{a: ", "- ", "> ", "*", "_", "[a](", "<div>", "  ", "\t", "\"", "'", "(", "{{"];

    private static readonly string[] UnicodeSamples =
    [
        "\u202E", "\u200F", "\u200B", "\u2028", "\u2029", "\u0085", "\uFFFE", "\uFFFF", "\uFEFF", "e\u0301",
        "\u0301\u0301\u0301", "🏴‍☠️", "𝔘𝔫𝔦", "Пётр", "克鲁泡特金", "كروبوتكين",
        "\u00A0", "\u3000", "\u0000", "\u001B[31m", "\u007F", "ﬁ", "İ", "ß", "\uD800", "\uDFFF",
    ];

    public string Describe { get; private set; } = "";

    /// <summary>Applies one to three mutations.</summary>
    public byte[] Mutate(byte[] original)
    {
        var bytes = original;
        var steps = new List<string>();
        var count = 1 + (random.Next(10) < 7 ? 0 : random.Next(1, 3));
        for (var i = 0; i < count; i++)
        {
            var (mutated, what) = MutateOnce(bytes);
            bytes = mutated;
            steps.Add(what);
        }
        Describe = string.Join("; ", steps);
        return bytes;
    }

    private (byte[] Bytes, string What) MutateOnce(byte[] bytes)
    {
        switch (random.Next(13))
        {
            case 0:
            {
                var at = random.Next(bytes.Length + 1);
                return (bytes[..at], $"truncate at byte {at}");
            }
            case 1:
            {
                var copy = (byte[])bytes.Clone();
                var flips = 1 + random.Next(8);
                for (var i = 0; i < flips && copy.Length > 0; i++)
                {
                    var at = random.Next(copy.Length);
                    copy[at] = random.Next(2) == 0 ? (byte)(copy[at] ^ (1 << random.Next(8))) : (byte)random.Next(256);
                }
                return (copy, $"{flips} byte flips");
            }
            case 2:
                return OnLines(bytes, lines =>
            {
                var i = random.Next(lines.Count);
                var n = 1 + random.Next(3);
                lines.InsertRange(i, lines.Skip(i).Take(n).ToList());
                return $"duplicate lines from {i + 1}";
            });
            case 3:
                return OnLines(bytes, lines =>
            {
                var i = random.Next(lines.Count);
                lines.RemoveRange(i, Math.Min(1 + random.Next(3), lines.Count - i));
                return $"delete lines from {i + 1}";
            });
            case 4:
                return OnLines(bytes, lines =>
            {
                var a = random.Next(lines.Count);
                var b = random.Next(lines.Count);
                (lines[a], lines[b]) = (lines[b], lines[a]);
                return $"swap lines {a + 1} and {b + 1}";
            });
            case 5: return Insert(bytes, Pick(YamlSpecials), "YAML special");
            case 6:
            {
                var unit = Pick(Nesting);
                var depth = random.Next(10) < 8 ? 1 + random.Next(200) : 1 + random.Next(20_000);
                return Insert(bytes, string.Concat(Enumerable.Repeat(unit, depth)),
                    $"nesting {depth} × '{Escape(unit)}'");
            }
            case 7:
                return OnLines(bytes, lines =>
            {
                var candidates = Enumerable.Range(0, lines.Count).Where(i => lines[i].Contains(':')).ToArray();
                if (candidates.Length == 0) return "no key to change";
                var i = candidates[random.Next(candidates.Length)];
                var value = Pick(OddValues);
                lines[i] = lines[i][..(lines[i].IndexOf(':') + 1)] + " " + value;
                return $"line {i + 1} value → {Escape(value)}";
            });
            case 8: return Insert(bytes, Pick(MarkdownSpecials), "Markdown special");
            case 9:
            {
                var text = new StringBuilder();
                var n = 1 + random.Next(6);
                for (var i = 0; i < n; i++)
                    text.Append(random.Next(3) == 0 ? Pick(UnicodeSamples) : char.ConvertFromUtf32(RandomScalar()));
                return Insert(bytes, text.ToString(), "random Unicode");
            }
            case 10:
                return OnLines(bytes, lines =>
            {
                var i = random.Next(lines.Count);
                var indent = random.Next(2) == 0 ? new string(' ', random.Next(1, 9)) : "\t";
                lines[i] = indent + lines[i];
                return $"indent line {i + 1} with {(indent == "\t" ? "a tab" : indent.Length + " spaces")}";
            });
            case 11:
            {
                var at = random.Next(bytes.Length + 1);
                var line = new string((char)('a' + random.Next(26)), 1000 + random.Next(200_000));
                return (Splice(bytes, at, Encoding.UTF8.GetBytes(line)),
                    $"insert a {line.Length}-character run at byte {at}");
            }
            default:
            {
                // Line ends: CRLF, bare CR or a byte-order mark.
                var text = Encoding.UTF8.GetString(bytes);
                return random.Next(3) switch
                {
                    0 => (Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n")), "CRLF line ends"),
                    1 => (Encoding.UTF8.GetBytes(text.Replace("\n", "\r")), "bare CR line ends"),
                    _ => ([0xEF, 0xBB, 0xBF, .. bytes], "byte-order mark"),
                };
            }
        }
    }

    private (byte[], string) OnLines(byte[] bytes, Func<List<string>, string> change)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split('\n').ToList();
        var what = change(lines);
        return (Encoding.UTF8.GetBytes(string.Join('\n', lines)), what);
    }

    private (byte[], string) Insert(byte[] bytes, string text, string what)
    {
        var at = random.Next(bytes.Length + 1);
        return (Splice(bytes, at, Encoding.UTF8.GetBytes(text)),
            $"{what} '{Escape(text.Length > 40 ? text[..40] + "…" : text)}' at byte {at}");
    }

    private static byte[] Splice(byte[] bytes, int at, byte[] inserted) =>
        [.. bytes.AsSpan(0, at), .. inserted, .. bytes.AsSpan(at)];

    private int RandomScalar()
    {
        while (true)
        {
            var value = random.Next(4) switch
            {
                0 => random.Next(0x20, 0x7F),
                1 => random.Next(0x80, 0x800),
                2 => random.Next(0x800, 0x10000),
                _ => random.Next(0x10000, 0x110000),
            };
            if (value is < 0xD800 or > 0xDFFF) return value;
        }
    }

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c switch
        {
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            _ when char.IsControl(c) || char.IsSurrogate(c) => $"\\u{(int)c:X4}",
            _ => c.ToString(),
        }));
}
