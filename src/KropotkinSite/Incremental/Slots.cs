using System.Runtime.CompilerServices;
using KropotkinSite.Engine;

namespace KropotkinSite.Incremental;

/// <summary>
/// Which of last run's items an item stands in for: the one at the same position, or else (for documents, and
/// tuples that begin with one) the one from the same source for the same destination. This only says what to
/// compare with: a value is reused only when what it was made from is equal.
/// </summary>
internal static class Slots
{
    public static (string, string)? Of(object? item) =>
        item is Document d ? (d.Source, d.Destination)
        : item is ITuple { Length: > 0 } tuple && tuple[0] is Document first ? (first.Source, first.Destination)
        : null;

    /// <summary>Where each of last run's items stands, for those whose place is not taken by the very same item
    /// now: an item that moved or changed can only stand for one of them, and after an edit they are few, so the
    /// index costs what changed rather than what the list holds. <paramref name="differing"/> holds, in ascending
    /// order, at least every position below both lengths where the two lists do not hold the same item.</summary>
    public static Dictionary<(string, string), int> Index<T>(IReadOnlyList<T> before, IReadOnlyList<T> now,
        IReadOnlyList<int> differing)
    {
        var index = new Dictionary<(string, string), int>();
        foreach (var j in differing)
            if (j < before.Count && !StructuralEquality.Same(before[j], now[j]) && Of(before[j]) is { } slot)
                index.TryAdd(slot, j);
        for (var j = now.Count; j < before.Count; j++)
            if (Of(before[j]) is { } slot)
                index.TryAdd(slot, j);
        return index;
    }

    /// <summary>The position in <paramref name="before"/> of the item that stood for <paramref name="item"/>, or
    /// -1.</summary>
    public static int Find<T>(T item, int position, IReadOnlyList<T> before, Lazy<Dictionary<(string, string),
        int>> index)
    {
        if (position < before.Count && (ReferenceEquals(before[position], item) || Of(before[position]) == Of(item)))
            return position;
        return Of(item) is { } slot && index.Value.TryGetValue(slot, out var found) ? found : -1;
    }
}
