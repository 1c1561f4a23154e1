namespace KropotkinSite.Search;

/// <summary>
/// Merges the entries one term has in consecutive parts of a block of pages (<see cref="BlockInverter"/>, the
/// earlier part first) into the entry it has in the block they make up, as bytes: the same bytes as turning that
/// block around at once. Each list's pages are differences from the one before, the first from 0, so a list is the
/// lists of the parts one after the other, each part's first page written again as a difference from the last page
/// of the part before it; the counts are added up. The terms that follow it are merged by their names, which each
/// part's entry holds in order (<see cref="Utf8Order"/>), so a merge reads nothing but its term's entries: a block
/// whose part changed merges again only the terms whose entries did.
/// </summary>
internal sealed class EntryMerger
{
    [ThreadStatic] private static EntryMerger? _ofThisThread;

    private readonly VarintBytes _body = new();
    private readonly VarintBytes _cards = new();
    private readonly VarintBytes _followers = new();
    private readonly VarintBytes _group = new();
    private Part[] _parts = [];
    private Follower[] _next = [];

    /// <summary>The merged entry of one term, from its entries in consecutive parts, in the order of their pages.
    /// </summary>
    public static byte[] Merge(IReadOnlyList<TermHolder> holders) => (_ofThisThread ??= new()).MergeOf(holders);

    private byte[] MergeOf(IReadOnlyList<TermHolder> holders)
    {
        if (_parts.Length < holders.Count) (_parts, _next) = (new Part[holders.Count], new Follower[holders.Count]);
        var read = _parts.AsSpan(0, holders.Count);
        for (var i = 0; i < read.Length; i++) read[i] = new Part(holders[i].Entry, holders[i].Ends, holders[i].First);

        _body.Clear();
        var count = 0;
        foreach (ref var part in read) count += part.Postings;
        _body.Number(count);
        var last = 0;
        foreach (ref var part in read) last = part.CopyPostings(_body, last);

        _cards.Clear();
        count = 0;
        foreach (ref var part in read) count += part.Cards;
        _cards.Number(count);
        last = 0;
        foreach (ref var part in read) last = part.CopyCards(_cards, last);
        _body.Counted(_cards);

        _body.Number(MergeFollowers(read)).Raw(_followers.Written);
        return _body.AfterText(read[0].Term);
    }

    /// <summary>Writes the terms that follow this one, each with its pages in every part that has it, in the order
    /// of their names; gives how many there are.</summary>
    private int MergeFollowers(ReadOnlySpan<Part> read)
    {
        var next = _next.AsSpan(0, read.Length);
        for (var i = 0; i < read.Length; i++) next[i] = Follower.First(read[i]);
        _followers.Clear();
        var followers = 0;
        while (true)
        {
            var least = -1;
            for (var i = 0; i < next.Length; i++)
                if (next[i].Left > 0
                    && (least < 0 || Utf8Order.Compare(Name(read, next, i), Name(read, next, least)) < 0))
                    least = i;
            if (least < 0) return followers;
            var name = Name(read, next, least);
            _followers.Text(name);
            _group.Clear();
            var last = 0;
            for (var i = least; i < next.Length; i++)
                if (next[i].Left > 0 && (i == least || name.SequenceEqual(Name(read, next, i))))
                {
                    ref var follower = ref next[i];
                    _group.Number(follower.FirstPage - last).Raw(read[i].Bytes.AsSpan(follower.Rest..follower.End));
                    last = follower.LastPage;
                    follower = follower.Next(read[i]);
                }
            _followers.Counted(_group);
            followers++;
        }
    }

    private static ReadOnlySpan<byte> Name(ReadOnlySpan<Part> read, ReadOnlySpan<Follower> next, int i) =>
        read[i].Bytes.AsSpan(next[i].Name..next[i].NameEnd);

    /// <summary>The next term that follows, in one part's entry: where its name (UTF-8) is, its first page, where
    /// the rest of its pages are and end, its last page, and how many followers are left, itself among them; where
    /// the next one begins, in the entry and in the part's ends.</summary>
    private readonly record struct Follower(int Left, int Name, int NameEnd, int FirstPage, int Rest, int End,
        int LastPage, int EndsAt)
    {
        public static Follower First(in Part part) => Read(part, part.FollowersAt, part.EndsAt, part.Followers);

        public Follower Next(in Part part) => Read(part, End, EndsAt, Left - 1);

        private static Follower Read(in Part part, int at, int endsAt, int left)
        {
            if (left == 0) return default;
            var reader = new VarintReader(part.Bytes, at);
            var name = reader.Text();
            var nameEnd = reader.At;
            var end = reader.Number() + reader.At;
            var firstPage = reader.Number();
            var ends = new VarintReader(part.Ends, endsAt);
            var lastPage = part.First + ends.Number();
            return new Follower(left, nameEnd - name.Length, nameEnd, firstPage, reader.At, end, lastPage, ends.At);
        }
    }

    /// <summary>One entry being read: where its lists are, and where they end (<see cref="BlockPart.Ends"/>).
    /// </summary>
    private readonly struct Part
    {
        private readonly int _postingsRest, _postingsEnd, _firstPosting, _lastPosting;
        private readonly int _cardsRest, _cardsEnd, _firstCard, _lastCard, _termAt, _termLength;

        public Part(byte[] entry, byte[] ends, int first)
        {
            (Bytes, Ends, First) = (entry, ends, first);
            var reader = new VarintReader(entry);
            var end = new VarintReader(ends);
            _termLength = reader.Text().Length;
            _termAt = reader.At - _termLength;
            reader.Number(); // the body's length
            Postings = reader.Number();
            _postingsEnd = reader.At + end.Number();
            _firstPosting = reader.Number();
            _postingsRest = reader.At;
            _lastPosting = first + end.Number();
            reader.At = _postingsEnd;
            var cardsLength = reader.Number();
            _cardsEnd = reader.At + cardsLength;
            Cards = reader.Number();
            if (Cards > 0)
            {
                _firstCard = reader.Number();
                _cardsRest = reader.At;
                _lastCard = first + end.Number();
            }
            reader.At = _cardsEnd;
            Followers = reader.Number();
            (FollowersAt, EndsAt) = (reader.At, end.At);
        }

        public byte[] Bytes { get; }

        /// <summary>Where the entry's lists end (<see cref="BlockPart.Ends"/>).</summary>
        public byte[] Ends { get; }

        /// <summary>The first page of the part's block.</summary>
        public int First { get; }

        /// <summary>The term's UTF-8.</summary>
        public ReadOnlySpan<byte> Term => Bytes.AsSpan(_termAt, _termLength);

        public int Postings { get; }

        public int Cards { get; }

        public int Followers { get; }

        public int FollowersAt { get; }

        /// <summary>Where the followers' last pages begin in the part's ends.</summary>
        public int EndsAt { get; }

        /// <summary>Copies the postings after <paramref name="last"/>, the last page copied before; gives this
        /// part's last.</summary>
        public int CopyPostings(VarintBytes to, int last)
        {
            to.Number(_firstPosting - last).Raw(Bytes.AsSpan(_postingsRest.._postingsEnd));
            return _lastPosting;
        }

        /// <summary>Copies the cards after <paramref name="last"/>; gives this part's last page with a card.</summary>
        public int CopyCards(VarintBytes to, int last)
        {
            if (Cards == 0) return last;
            to.Number(_firstCard - last).Raw(Bytes.AsSpan(_cardsRest.._cardsEnd));
            return _lastCard;
        }
    }
}
