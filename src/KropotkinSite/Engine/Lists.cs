namespace KropotkinSite.Engine;

/// <summary>Joining lists of documents (or any items) in order, in one array of the right size: a step that only
/// gathers tens of thousands of documents should cost no more than the copy.</summary>
public static class Lists
{
    public static T[] Concat<T>(IReadOnlyList<IReadOnlyList<T>> lists)
    {
        var count = 0;
        foreach (var list in lists) count += list.Count;
        var all = new T[count];
        var at = 0;
        foreach (var list in lists)
            if (list is T[] array)
            {
                array.CopyTo(all, at);
                at += array.Length;
            }
            else
                foreach (var item in list) all[at++] = item;
        return all;
    }
}
