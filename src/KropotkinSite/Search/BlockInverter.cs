using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace KropotkinSite.Search;

/// <summary>
/// Turns a block of pages around: for each term of its pages, in sorted order, its entry for those pages, in
/// varints (<see cref="VarintBytes"/>): the term, then its body's length and its body: the number of pages it is
/// on and each page with the term's weight there; the length of its cards and its cards: the number of pages
/// whose title has the term and, for each, the page, its address, title and section, so that the script lists a
/// result without waiting for its file; then the number of terms that follow it on some of its pages and, for
/// each of those, its text, its list's length in bytes and the pages where it follows. The lengths let the script
/// skip what a query does not need: a term's body unless it is asked for, the cards of pages it does not list,
/// the pages of a term that follows unless the query has the two together. Pages are numbers on the site, each
/// list's first in full and the others as differences from the one before, so that the script reads the entries
/// of a term from several blocks one after the other. The term that follows is named, not numbered, so that a new
/// term changes only the entries that hold it.
/// </summary>
public static class BlockInverter
{
    public static BlockTerms Invert(PageBlock block) => InvertPart(block).Terms;

    /// <summary>The block's entries, and what <see cref="BlockMerger"/> needs to merge them with the next
    /// blocks'.</summary>
    public static BlockPart InvertPart(PageBlock block)
    {
        var pages = block.Pages;
        // Each page's terms as ids, in the order the block first has them, the pages' one after the other; then
        // the ids as ranks.
        var termsStart = new int[pages.Count + 1];
        for (var p = 0; p < pages.Count; p++) termsStart[p + 1] = termsStart[p] + pages[p].Terms.Terms.Count;
        var ids = new Dictionary<string, int>(pages.Count == 0 ? 0 : 4 * pages[0].Terms.Terms.Count,
            StringComparer.Ordinal);
        var names = new List<string>();
        var termRanks = Rent(termsStart[^1]);
        for (var p = 0; p < pages.Count; p++)
        {
            var terms = pages[p].Terms.Terms;
            for (var i = 0; i < terms.Count; i++)
            {
                ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, terms[i], out var known);
                if (!known)
                {
                    id = names.Count;
                    names.Add(terms[i]);
                }
                termRanks[termsStart[p] + i] = id;
            }
        }
        var sorted = names.ToArray();
        var byRank = Enumerable.Range(0, sorted.Length).ToArray();
        Array.Sort(sorted, byRank, StringComparer.Ordinal);
        var rank = new int[byRank.Length];
        for (var r = 0; r < byRank.Length; r++) rank[byRank[r]] = r;
        foreach (ref var id in termRanks.AsSpan(0, termsStart[^1])) id = rank[id];

        // Each page's title terms as ranks (a title's terms are among the page's).
        var titleRanks = new int[pages.Count][];
        for (var p = 0; p < pages.Count; p++)
        {
            var found = new List<int>(pages[p].TitleTerms.Count);
            foreach (var term in pages[p].TitleTerms)
                if (ids.TryGetValue(term, out var id)) found.Add(rank[id]);
            titleRanks[p] = [.. found];
        }

        // Postings, cards and pairs, each term's in one stretch of a flat array, pages in order.
        var postingStart = new int[sorted.Length + 1];
        var cardStart = new int[sorted.Length + 1];
        var pairStart = new int[sorted.Length + 1];
        for (var p = 0; p < pages.Count; p++)
        {
            var mapped = termRanks.AsSpan(termsStart[p]..termsStart[p + 1]);
            foreach (var r in mapped) postingStart[r + 1]++;
            foreach (var r in titleRanks[p]) cardStart[r + 1]++;
            foreach (var pair in pages[p].Terms.PairSpan) pairStart[mapped[(int)(pair >> 32)] + 1]++;
        }
        for (var r = 0; r < sorted.Length; r++)
        {
            postingStart[r + 1] += postingStart[r];
            cardStart[r + 1] += cardStart[r];
            pairStart[r + 1] += pairStart[r];
        }
        var cardPage = new int[cardStart[^1]];
        var cardAt = cardStart[..^1];
        var postingPage = Rent(postingStart[^1]);
        var postingWeight = Rent(postingStart[^1]);
        var pairs = pairStart[^1];
        // The pairs by the term that follows, pages in order (a counting sort, stable), ...
        var nextStart = new int[sorted.Length + 1];
        for (var p = 0; p < pages.Count; p++)
        {
            var mapped = termRanks.AsSpan(termsStart[p]..termsStart[p + 1]);
            foreach (var pair in pages[p].Terms.PairSpan) nextStart[mapped[(int)pair] + 1]++;
        }
        for (var r = 0; r < sorted.Length; r++) nextStart[r + 1] += nextStart[r];
        var (byNextTerm, byNextPage) = (Rent(pairs), Rent(pairs));
        for (var p = 0; p < pages.Count; p++)
        {
            var mapped = termRanks.AsSpan(termsStart[p]..termsStart[p + 1]);
            foreach (var pair in pages[p].Terms.PairSpan)
            {
                var at = nextStart[mapped[(int)pair]]++;
                (byNextTerm[at], byNextPage[at]) = (mapped[(int)(pair >> 32)], p);
            }
        }
        // ... then by the term they follow: each term's pairs grouped by the term that follows it, in its order, and
        // each group's pages in order, with nothing compared.
        var pairNext = Rent(pairs);
        var pairPage = Rent(pairs);
        var pairAt = pairStart[..^1];
        for (int next = 0, at = 0; next < sorted.Length; next++)
            for (; at < nextStart[next]; at++)
            {
                var to = pairAt[byNextTerm[at]]++;
                (pairNext[to], pairPage[to]) = (next, block.First + byNextPage[at]);
            }
        var postingAt = postingStart[..^1];
        for (var p = 0; p < pages.Count; p++)
        {
            var mapped = termRanks.AsSpan(termsStart[p]..termsStart[p + 1]);
            var weights = pages[p].Terms.WeightSpan;
            for (var i = 0; i < mapped.Length; i++)
            {
                var at = postingAt[mapped[i]]++;
                (postingPage[at], postingWeight[at]) = (block.First + p, weights[i]);
            }
            foreach (var r in titleRanks[p]) cardPage[cardAt[r]++] = p;
        }

        // Each term's UTF-8 once, and as a text (its length, then its UTF-8): a term is named in the entry of every
        // term it follows.
        var utf8 = new byte[sorted.Length][];
        var named = new byte[sorted.Length][];
        var text = new VarintBytes(256);
        for (var r = 0; r < sorted.Length; r++)
        {
            utf8[r] = Encoding.UTF8.GetBytes(sorted[r]);
            text.Clear();
            named[r] = text.Text(utf8[r]).ToArray();
        }

        var entries = new byte[sorted.Length][];
        var listEnds = new byte[sorted.Length][];
        var ends = new VarintBytes(256);
        var body = new VarintBytes();
        var cards = new VarintBytes();
        for (var r = 0; r < sorted.Length; r++)
        {
            body.Clear();
            body.Number(postingStart[r + 1] - postingStart[r]);
            var postingsAt = body.Length;
            var previous = 0;
            for (var at = postingStart[r]; at < postingStart[r + 1]; at++)
            {
                body.Number(postingPage[at] - previous).Number(postingWeight[at]);
                previous = postingPage[at];
            }
            ends.Clear();
            ends.Number(body.Length - postingsAt).Number(previous - block.First);
            cards.Clear();
            cards.Number(cardStart[r + 1] - cardStart[r]);
            previous = 0;
            for (var at = cardStart[r]; at < cardStart[r + 1]; at++)
            {
                cards.Number(block.First + cardPage[at] - previous).Raw(pages[cardPage[at]].Card);
                previous = block.First + cardPage[at];
            }
            if (cardStart[r + 1] > cardStart[r]) ends.Number(previous - block.First);
            body.Counted(cards);
            // The pairs come grouped by the term that follows, in its order, each group's pages in order.
            var (from, to) = (pairStart[r], pairStart[r + 1]);
            var followers = 0;
            for (var at = from; at < to; at++)
                if (at == from || pairNext[at] != pairNext[at - 1]) followers++;
            body.Number(followers);
            for (var place = from; place < to;)
            {
                var next = pairNext[place];
                var end = place + 1;
                while (end < to && pairNext[end] == next) end++;
                var length = 0;
                previous = 0;
                for (var at = place; at < end; at++)
                {
                    length += VarintBytes.SizeOf(pairPage[at] - previous);
                    previous = pairPage[at];
                }
                body.Raw(named[next]).Number(length);
                previous = 0;
                for (; place < end; place++)
                {
                    body.Number(pairPage[place] - previous);
                    previous = pairPage[place];
                }
                ends.Number(previous - block.First);
            }
            entries[r] = body.AfterText(utf8[r]);
            listEnds[r] = ends.ToArray();
        }
        Return(termRanks, postingPage, postingWeight, byNextTerm, byNextPage, pairNext, pairPage);
        return new BlockPart(new BlockTerms(block.First, sorted, entries), listEnds);
    }

    /// <summary>A scratch list of at least <paramref name="length"/> numbers, borrowed from the shared pool (and
    /// not given back only if turning around fails): the lists of a part's postings and pairs are long, and as new
    /// arrays each would be a new object on the large object heap.</summary>
    private static int[] Rent(int length) => ArrayPool<int>.Shared.Rent(length);

    private static void Return(params ReadOnlySpan<int[]> arrays)
    {
        foreach (var array in arrays) ArrayPool<int>.Shared.Return(array);
    }
}
