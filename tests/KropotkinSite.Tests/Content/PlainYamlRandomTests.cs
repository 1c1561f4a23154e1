using System.Text;
using KropotkinSite.Content;
using KropotkinSite.Tests.Support;
using YamlDotNet.Core;

namespace KropotkinSite.Tests.Content;

/// <summary>
/// <see cref="PlainYaml"/> against YamlDotNet's parser on seeded random texts made of the pieces front matter is
/// made of and of the characters YAML treats specially: wherever the fast reader takes a text, YamlDotNet must read
/// it too, into the same events (values, styles, marks).
/// </summary>
public sealed class PlainYamlRandomTests
{
    private static readonly string[] Keys = ["title", "date", "a", "b-c", "_x", "order", "events", "x1"];

    private static readonly string[] Values =
    [
        "x", "Siberia", "\"quoted\"", "\"a \\\" b\"", "\"\"", "a # c", "a#b", "yes", "~", "null", "-3", "3.5",
        "a: b", "a:b", "[x]", "{y: 1}", "'s'", "&a x", "*a", "!t x", "|", ">", "%x", "@x", "`x`", "C# and F#",
        "http://example.org/a?b=1", "Zürich — “quoted”", "x  ", "- y", "? z", ",", "a, b", "\"open", "x \"y\"",
        "\"a\" b", "日本", "\ta", "a\tb", "x:", "#", "-", "a -", "--- x", "...",
    ];

    [Fact]
    public void Wherever_the_plain_reader_takes_a_text_yamldotnet_reads_the_same_events()
    {
        var random = new Random(20261202);
        var taken = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var yaml = RandomText(random);
            var plain = PlainYaml.Read(yaml);
            if (plain is null) continue;
            taken++;
            List<string> expected;
            try
            {
                expected = YamlEvents.OfYamlDotNet(yaml);
            }
            catch (YamlException e)
            {
                Assert.Fail($"the plain reader took a text YamlDotNet refuses ({e.Message}):\n{yaml}");
                return;
            }
            Assert.True(expected.SequenceEqual(plain.Select(YamlEvents.Describe)), $"events differ for:\n{yaml}");
        }
        // Enough of the texts have the plain shape for the comparison to mean something.
        Assert.True(taken > 2_000, $"only {taken} texts were read plain");
    }

    /// <summary>A mapping of front matter's shape (values, nested mappings, lists of values or of mappings),
    /// often with one character changed for one YAML may treat specially.</summary>
    private static string RandomText(Random random)
    {
        var text = new StringBuilder();
        AppendMapping(random, text, "", 0);
        if (random.Next(3) > 0) return text.ToString();
        var at = random.Next(text.Length);
        const string special = " \n\t\r:#-\"'\\[]{},&*!|>%@`?~é";
        var changed = special[random.Next(special.Length)];
        return random.Next(2) == 0 ? text.Insert(at, changed).ToString() : text.Remove(at, 1).Insert(at, changed)
            .ToString();
    }

    private static void AppendMapping(Random random, StringBuilder text, string indent, int depth)
    {
        var keys = random.Next(1, 4);
        for (var k = 0; k < keys; k++)
        {
            text.Append(indent).Append(Keys[random.Next(Keys.Length)]).Append(':');
            AppendValue(random, text, indent, depth);
            if (k == 0 && indent.EndsWith("- ", StringComparison.Ordinal)) indent = new string(' ', indent.Length);
        }
    }

    private static void AppendValue(Random random, StringBuilder text, string indent, int depth)
    {
        var nested = new string(' ', indent.Length + random.Next(1, 4));
        switch (depth < 3 ? random.Next(5) : 0)
        {
            case 1:
                text.Append('\n');
                AppendMapping(random, text, nested, depth + 1);
                break;
            case 2:
                text.Append('\n');
                var listIndent = random.Next(2) == 0 ? new string(' ', indent.Length) : nested;
                for (var i = random.Next(1, 4); i > 0; i--)
                    if (random.Next(3) == 0) AppendMapping(random, text, listIndent + "- ", depth + 1);
                    else text.Append(listIndent).Append("- ").Append(Values[random.Next(Values.Length)]).Append('\n');
                break;
            default:
                text.Append(' ').Append(Values[random.Next(Values.Length)]).Append('\n');
                break;
        }
    }
}
