namespace KropotkinSite.Search;

/// <summary>
/// The terms of one page as the index counts them: for each term, how often it stands in the body and whether it
/// is in the title or a heading; how many terms the body has; and which terms follow which (two-word phrases,
/// within a title, heading or block).
/// </summary>
public sealed class PageTerms
{
    /// <summary>What the page holds of one term.</summary>
    public sealed class Counts
    {
        public int Body { get; internal set; }
        public bool Title { get; internal set; }
        public bool Heading { get; internal set; }
    }

    private PageTerms(Dictionary<string, Counts> terms, int bodyLength, HashSet<(string, string)> pairs) =>
        (Terms, BodyLength, Pairs) = (terms, bodyLength, pairs);

    public IReadOnlyDictionary<string, Counts> Terms { get; }
    public int BodyLength { get; }
    public IReadOnlySet<(string First, string Second)> Pairs { get; }

    public static PageTerms Of(string title, PageText text)
    {
        var terms = new Dictionary<string, Counts>(StringComparer.Ordinal);
        var pairs = new HashSet<(string, string)>();
        Counts CountsOf(string term) => terms.TryGetValue(term, out var c) ? c : terms[term] = new Counts();
        void Pairs(List<string> run)
        {
            for (var i = 1; i < run.Count; i++) pairs.Add((run[i - 1], run[i]));
        }

        var stems = new Dictionary<string, string>(StringComparer.Ordinal);
        var titleTerms = SearchTerms.Of(title, stems);
        foreach (var term in titleTerms) CountsOf(term).Title = true;
        Pairs(titleTerms);
        var bodyLength = 0;
        foreach (var block in text.Blocks)
        {
            var run = SearchTerms.Of(block.Text, stems);
            foreach (var term in run)
            {
                if (block.IsHeading) CountsOf(term).Heading = true;
                else CountsOf(term).Body++;
            }
            if (!block.IsHeading) bodyLength += run.Count;
            Pairs(run);
        }
        return new PageTerms(terms, bodyLength, pairs);
    }
}
