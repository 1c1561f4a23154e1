namespace KropotkinSite.Search;

/// <summary>
/// The terms of one page as the index counts them: each term once, in the order the page first has it, with its
/// weight on this page; and which terms follow which (two-word phrases, within a title, heading or block).
/// A weight depends on this page alone, so that an edit of one page changes only what the index holds of it:
/// a title beats headings, headings beat the body, whose share follows BM25 (more mentions count for less and
/// less, and less on a page longer than <see cref="ReferenceLength"/> terms). The script multiplies it by the
/// term's rarity on the site (its inverse document frequency), which the index gives by its number of pages.
/// <para>Equal by value (<see cref="IEquatable{T}"/>), so that a page whose text is read again the same keeps its
/// <see cref="SearchPage"/> from the last run, and the index turns nothing around again for it.</para>
/// </summary>
public sealed class PageTerms : IEquatable<PageTerms>
{
    private const double TitleBoost = 5, HeadingBoost = 2.5, K1 = 1.2, B = 0.75;

    /// <summary>The body length BM25 compares a page's with: a fixed one rather than the site's average, which
    /// every edit would change, and with it every weight of every page.</summary>
    public const double ReferenceLength = 400;

    private readonly string[] _terms;
    private readonly int[] _weights;
    private readonly long[] _pairs;

    internal PageTerms(string[] terms, int titleTerms, int[] weights, long[] pairs, int bodyLength) =>
        (_terms, TitleTerms, _weights, _pairs, BodyLength) =
        (terms, new ArraySegment<string>(terms, 0, titleTerms), weights, pairs, bodyLength);

    public IReadOnlyList<string> Terms => _terms;

    /// <summary>The terms of the title, each once: the first of <see cref="Terms"/>, as the title is counted
    /// first.</summary>
    public IReadOnlyList<string> TitleTerms { get; }

    /// <summary>Each term's weight on the page, a whole number (ten times the score), at least 1.</summary>
    public IReadOnlyList<int> Weights => _weights;

    /// <summary><see cref="Weights"/>, for the loops that turn the index around.</summary>
    internal ReadOnlySpan<int> WeightSpan => _weights;

    /// <summary>Which term follows which: indexes into <see cref="Terms"/>, the first in the high 32 bits; each
    /// pair once, in the order the page first has it.</summary>
    public IReadOnlyList<long> Pairs => _pairs;

    /// <summary><see cref="Pairs"/>, for the loops that turn the index around.</summary>
    internal ReadOnlySpan<long> PairSpan => _pairs;

    /// <summary>The number of terms in the body (not the title or headings).</summary>
    public int BodyLength { get; }

    public bool Equals(PageTerms? other) =>
        other is not null && BodyLength == other.BodyLength && TitleTerms.Count == other.TitleTerms.Count
        && _weights.AsSpan().SequenceEqual(other._weights) && _pairs.AsSpan().SequenceEqual(other._pairs)
        && _terms.AsSpan().SequenceEqual(other._terms);

    public override bool Equals(object? obj) => Equals(obj as PageTerms);

    public override int GetHashCode() => HashCode.Combine(BodyLength, _terms.Length, _pairs.Length);

    public static PageTerms Of(string title, PageText text)
    {
        var counter = TermCounter.ForThisThread();
        counter.Start();
        counter.Add(title, TermCounter.Title);
        var titleTerms = counter.TermCount;
        foreach (var block in text.Blocks)
            counter.Add(block.Text, block.IsHeading ? TermCounter.Heading : TermCounter.Body);
        return counter.Result(titleTerms);
    }

    /// <summary>A term's weight on a page, as a whole number.</summary>
    public static int Weight(bool title, bool heading, int body, int bodyLength)
    {
        var share = body == 0 ? 0 : body * (K1 + 1) / (body + K1 * (1 - B + B * bodyLength / ReferenceLength));
        var score = (title ? TitleBoost : 0) + (heading ? HeadingBoost : 0) + share;
        return Math.Max(1, (int)Math.Round(score * 10));
    }
}
