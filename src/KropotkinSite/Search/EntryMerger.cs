namespace KropotkinSite.Search;

/// <summary>
/// Merges the entries one term has in consecutive blocks of pages (<see cref="BlockInverter"/>, the earlier block
/// first) into the entry it has in the block they make up, as bytes: the same bytes as turning that block around
/// at once. Each list's pages are differences from the one before, the first from 0, so a list is the lists of
/// the parts one after the other, each part's first page written again as a difference from the last page of the
/// part before it; the counts are added up. The terms that follow are put in order by their indexes in the merged
/// block (<see cref="BlockMerger"/>), not by comparing their text.
/// </summary>
internal sealed class EntryMerger(int blockTerms)
{
    private readonly VarintBytes _body = new();
    private readonly VarintBytes _cards = new();
    private readonly VarintBytes _followers = new();
    private readonly VarintBytes _group = new();
    private Part[] _parts = [];

    // Each follower's stretches of pages, one from each part that has it, as linked lists by the follower's index
    // in the block; a follower is seen in this merge when its stamp is the merge's.
    private readonly int[] _stamp = new int[blockTerms], _head = new int[blockTerms], _tail = new int[blockTerms];
    private Stretch[] _stretches = new Stretch[1024];
    private readonly List<int> _seen = [];
    private int _merges;

    /// <summary>The merged entry of one term, from its entries in <paramref name="parts"/> (each part, the term's
    /// index there, and where each of the part's terms stands in the merged block), in the order of their pages.
    /// </summary>
    public byte[] Merge(ReadOnlySpan<(BlockPart Part, int Index, int[] BlockIndexes)> parts)
    {
        if (_parts.Length < parts.Length) _parts = new Part[parts.Length];
        var read = _parts.AsSpan(0, parts.Length);
        for (var i = 0; i < read.Length; i++)
        {
            var (part, index, _) = parts[i];
            read[i] = new Part(part.Terms.Entries[index], part.Ends[index], part.Terms.First);
        }

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

        _merges++;
        _seen.Clear();
        var stretches = 0;
        for (var i = 0; i < read.Length; i++)
            stretches = Gather(i, read[i], parts[i].Part.Ends[parts[i].Index], parts[i].BlockIndexes, stretches);
        _seen.Sort();
        _followers.Clear();
        foreach (var follower in _seen)
        {
            var stretch = _head[follower];
            ref var first = ref _stretches[stretch];
            _followers.Raw(read[first.Part].Bytes.AsSpan(first.Name..first.NameEnd));
            _group.Clear();
            last = 0;
            for (; stretch >= 0; stretch = _stretches[stretch].Next)
            {
                ref var s = ref _stretches[stretch];
                _group.Number(s.First - last).Raw(read[s.Part].Bytes.AsSpan(s.Rest..s.End));
                last = s.Last;
            }
            _followers.Counted(_group);
        }
        _body.Number(_seen.Count).Raw(_followers.Written);

        return _body.AfterText(read[0].Term);
    }

    /// <summary>Where the pages of each follower are in part <paramref name="index"/>, added to each follower's
    /// list; gives the number of stretches after.</summary>
    private int Gather(int index, in Part part, byte[] ends, int[] blockIndexes, int stretches)
    {
        var reader = new VarintReader(part.Bytes, part.FollowersAt);
        var end = new VarintReader(ends, part.EndsAt);
        var rank = 0;
        for (var i = 0; i < part.Followers; i++)
        {
            rank += end.Number();
            var follower = blockIndexes[rank];
            if (stretches == _stretches.Length) Array.Resize(ref _stretches, stretches * 2);
            ref var s = ref _stretches[stretches];
            s.Part = index;
            s.Name = reader.At;
            reader.Text();
            s.NameEnd = reader.At;
            s.End = reader.Number() + reader.At;
            s.First = reader.Number();
            s.Rest = reader.At;
            s.Last = part.First + end.Number();
            reader.At = s.End;
            s.Next = -1;
            if (_stamp[follower] != _merges)
            {
                (_stamp[follower], _head[follower]) = (_merges, stretches);
                _seen.Add(follower);
            }
            else _stretches[_tail[follower]].Next = stretches;
            _tail[follower] = stretches++;
        }
        return stretches;
    }

    /// <summary>The pages one part has for one follower: where its name is (its length and UTF-8), its first page,
    /// where the rest of its pages are, its last page, and the next part's stretch for the same follower.</summary>
    private struct Stretch
    {
        public int Part, Name, NameEnd, First, Rest, End, Last, Next;
    }

    /// <summary>One entry being read: where its lists are, and where they end (<see cref="BlockPart.Ends"/>).
    /// </summary>
    private readonly struct Part
    {
        private readonly int _postingsRest, _postingsEnd, _firstPosting, _lastPosting;
        private readonly int _cardsRest, _cardsEnd, _firstCard, _lastCard, _termAt, _termLength;

        public Part(byte[] entry, byte[] ends, int first)
        {
            (Bytes, First) = (entry, first);
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

        /// <summary>The first page of the part's block.</summary>
        public int First { get; }

        /// <summary>The term's UTF-8.</summary>
        public ReadOnlySpan<byte> Term => Bytes.AsSpan(_termAt, _termLength);

        public int Postings { get; }

        public int Cards { get; }

        public int Followers { get; }

        public int FollowersAt { get; }

        /// <summary>Where the followers' indexes and last pages begin in the part's ends.</summary>
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
