using KropotkinSite.Engine;

namespace KropotkinSite.Incremental;

/// <summary>What a <c>Map</c> gave back, kept item by item: each item's document (null when it was dropped),
/// whether the item reported errors, and the documents in order. The next run takes the part of each item it did
/// not look at from here, without reading the item's result again (on a large site reading ten thousand results
/// costs more than the few it maps).</summary>
internal sealed record MappedOutputs(Document?[] PerItem, bool[] Erred, IReadOnlyList<Document> Documents)
{
    /// <param name="values">What each item gave.</param>
    /// <param name="before">Last run's outputs of the call, when the items not in <paramref name="looked"/> give
    /// last run's very values at the same place.</param>
    /// <param name="looked">The positions whose value may not be last run's at that place, in any order.</param>
    public static MappedOutputs Of(IReadOnlyList<Mapped> values, MappedOutputs? before, IReadOnlyList<int> looked)
    {
        var perItem = new Document?[values.Count];
        var erred = new bool[values.Count];
        if (before is null)
            for (var i = 0; i < values.Count; i++) Take(i);
        else
        {
            Array.Copy(before.PerItem, perItem, Math.Min(before.PerItem.Length, perItem.Length));
            Array.Copy(before.Erred, erred, Math.Min(before.Erred.Length, erred.Length));
            foreach (var i in looked) Take(i);
        }
        var documents = new Document[perItem.Count(document => document is not null)];
        var at = 0;
        foreach (var document in perItem)
            if (document is not null) documents[at++] = document;
        return new MappedOutputs(perItem, erred, documents);

        void Take(int i) => (perItem[i], erred[i]) = (values[i].Output, values[i].Errors.Length > 0);
    }

    /// <summary>Reports the errors of the items that gave any, in order.</summary>
    public void Report(IReadOnlyList<Mapped> values, IExecutionContext context)
    {
        for (var i = 0; i < Erred.Length; i++)
            if (Erred[i])
                foreach (var error in values[i].Errors) context.Report(error);
    }
}
