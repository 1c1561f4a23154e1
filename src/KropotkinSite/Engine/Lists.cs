namespace KropotkinSite.Engine;

/// <summary>Joining lists of documents (or any items) in order, in one array of the right size: a step that only
/// gathers tens of thousands of documents should cost no more than the copy.</summary>
public static class Lists
{
    /// <summary>The items of the lists in order; the only list that holds any, when it is an array, as it is (so a
    /// list that is the same as last run's stays the very same object).</summary>
    public static T[] Concat<T>(IReadOnlyList<IReadOnlyList<T>> lists)
    {
        var (count, holding) = (0, 0);
        T[]? only = null;
        foreach (var list in lists)
        {
            count += list.Count;
            if (list.Count == 0) continue;
            holding++;
            only = list as T[];
        }
        if (holding == 1 && only is not null) return only;
        var all = new T[count];
        var at = 0;
        foreach (var list in lists)
            if (list is ICollection<T> collection)
            {
                collection.CopyTo(all, at);
                at += collection.Count;
            }
            else
                foreach (var item in list) all[at++] = item;
        return all;
    }
}
