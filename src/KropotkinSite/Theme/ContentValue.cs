using System.Globalization;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;

namespace KropotkinSite.Theme;

/// <summary>
/// A layout's <c>content</c> (and its page's <c>page.content</c>): HTML made before the layout runs, the page's own
/// as UTF-8 or what the layout nested in it wrote, as <see cref="Piece"/>s. To the layout it is a string in every
/// way; but written as it is (<c>{{ content | raw }}</c>) into a page, its pieces go into the page's bytes as they
/// are, and it never becomes characters: at 10,000 pages, making every page's HTML a string, and a layout's whole
/// output another one for its parent, was half of what laying out the pages allocated.
/// </summary>
internal sealed class ContentValue : FluidValue
{
    private readonly Piece[] _pieces;
    private readonly bool _encode;
    private string? _text;
    private StringValue? _string;

    private ContentValue(Piece[] pieces, bool encode, string? text)
    {
        (_pieces, _encode, _text) = (pieces, encode, text);
    }

    /// <summary>HTML as UTF-8 (a page's own, from its Markdown).</summary>
    public static ContentValue OfUtf8(byte[] html) => new([new Piece(null, null, html)], true, null);

    /// <summary>What a layout wrote, in order.</summary>
    public static ContentValue Of(Piece[] pieces) => new(pieces, true, null);

    /// <summary>The same HTML, to be written as it is: Liquid's <c>raw</c>, which for any other value makes a string
    /// value that is not encoded.</summary>
    public static FluidValue Raw(FluidValue value) => value is ContentValue content
        ? new ContentValue(content._pieces, false, content._text)
        : new StringValue(value.ToStringValue(), false);

    /// <summary>The value as a string, for everything but writing it as it is.</summary>
    private StringValue String => _string ??= new StringValue(ToStringValue(), _encode);

    public override FluidValues Type => FluidValues.String;

    public override string ToStringValue() => _text ??= PieceWriter.Join(_pieces);

    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
        if (_encode || writer is not LayoutWriter layoutWriter)
            return String.WriteToAsync(writer, encoder, cultureInfo);
        layoutWriter.WritePieces(_pieces);
        return ValueTask.CompletedTask;
    }

    public override bool Equals(FluidValue other) => String.Equals(other);

    public override bool ToBooleanValue() => String.ToBooleanValue();

    public override decimal ToNumberValue() => String.ToNumberValue();

    public override object ToObjectValue() => ToStringValue();

    public override bool Contains(FluidValue value) => String.Contains(value);

    public override IEnumerable<FluidValue> Enumerate(TemplateContext context) => String.Enumerate(context);

    public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context) =>
        String.GetValueAsync(name, context);

    public override ValueTask<FluidValue> GetIndexAsync(FluidValue index, TemplateContext context) =>
        String.GetIndexAsync(index, context);

    public override bool Equals(object? obj) => obj is FluidValue other && Equals(other);

    public override int GetHashCode() => ToStringValue().GetHashCode(StringComparison.Ordinal);
}
