using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using KropotkinSite.Content;

namespace KropotkinSite.Pipelines;

/// <summary>
/// A hash of a value's contents, for the keys a preview session uses to tell which pages must be rendered again
/// (the site settings and navigation every page shows, a generated page's whole catalogue or timeline).
/// The value is written out as JSON would show it (public properties, in declaration order; lists; maps), by
/// plain reflection rather than System.Text.Json's serializer, which the native (AOT) build cannot run for
/// every type.
/// </summary>
public static class RenderSignature
{
    private const int MaxDepth = 64;

    public static string Of(object? value)
    {
        var text = new StringBuilder(1024);
        Write(value, text, 0);
        return TextHash.Of(text.ToString());
    }

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2075",
        Justification = "The values are this assembly's records and anonymous types, and the published build keeps this assembly whole.")]
    private static void Write(object? value, StringBuilder text, int depth)
    {
        if (depth > MaxDepth) throw new InvalidOperationException($"A render signature nests deeper than {MaxDepth} levels.");
        switch (value)
        {
            case null: text.Append("null"); return;
            case string s: Quote(s, text); return;
            case bool b: text.Append(b ? "true" : "false"); return;
            case Enum e: text.Append(Convert.ToInt64(e, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)); return;
            case IFormattable number when IsNumber(value): text.Append(number.ToString(null, CultureInfo.InvariantCulture)); return;
            case char c: Quote(c.ToString(), text); return;
            case Uri uri: Quote(uri.OriginalString, text); return;
            case DateTime or DateTimeOffset: Quote(((IFormattable)value).ToString("O", CultureInfo.InvariantCulture), text); return;
            case IDictionary map:
                text.Append('{');
                var entries = map.GetEnumerator();
                while (entries.MoveNext())
                {
                    Quote(Convert.ToString(entries.Key, CultureInfo.InvariantCulture) ?? "", text);
                    text.Append(':');
                    Write(entries.Value, text, depth + 1);
                    text.Append(',');
                }
                text.Append('}');
                return;
            case IEnumerable list:
                text.Append('[');
                foreach (var item in list)
                {
                    Write(item, text, depth + 1);
                    text.Append(',');
                }
                text.Append(']');
                return;
        }
        text.Append('{');
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is not { IsPublic: true }) continue;
            Quote(property.Name, text);
            text.Append(':');
            Write(property.GetValue(value), text, depth + 1);
            text.Append(',');
        }
        text.Append('}');
    }

    private static bool IsNumber(object value) =>
        value is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal;

    private static void Quote(string s, StringBuilder text)
    {
        text.Append('"');
        foreach (var c in s)
        {
            if (c is '"' or '\\') text.Append('\\');
            text.Append(c);
        }
        text.Append('"');
    }
}
