using KropotkinSite.Engine;

namespace KropotkinSite.Incremental;

/// <summary>
/// Compares a step's documents with those it had in its last run, position by position and by reference only:
/// after an edit the list is the same but for the edited documents, and finding them this way reads none of
/// the others (on a large site, reading every document costs more than the rest of a rebuild).
/// </summary>
public static class Positions
{
    /// <summary>The positions whose document is not the very one there last run; null when there was no last
    /// run or the lists differ in length (then everything counts as changed).</summary>
    public static List<int>? Changed(IReadOnlyList<Document> now, Document[]? before)
    {
        if (before is null || before.Length != now.Count) return null;
        var changed = new List<int>();
        for (var i = 0; i < before.Length; i++)
            if (!ReferenceEquals(now[i], before[i])) changed.Add(i);
        return changed;
    }
}
