namespace KropotkinSite.Incremental;

/// <summary>
/// Compares a list with the one it stands for from the last run, position by position and by reference only
/// (<see cref="StructuralEquality.Same{T}"/>): after an edit the list is the same but for the edited items, and
/// finding them this way reads none of the others (on a large site, reading every item costs more than the rest
/// of a rebuild).
/// </summary>
public static class Positions
{
    /// <summary>The positions, in ascending order, whose item is not the very one at that place last run, every
    /// position past the end of last run's list among them.</summary>
    public static List<int> NotSame<T>(IReadOnlyList<T> now, IReadOnlyList<T> before)
    {
        var differing = new List<int>();
        var shared = Math.Min(now.Count, before.Count);
        if (now is T[] nowArray && before is T[] beforeArray) // most lists are; read without an interface call
        {
            for (var i = 0; i < shared; i++)
                if (!StructuralEquality.Same(nowArray[i], beforeArray[i])) differing.Add(i);
        }
        else
            for (var i = 0; i < shared; i++)
                if (!StructuralEquality.Same(now[i], before[i])) differing.Add(i);
        for (var i = shared; i < now.Count; i++) differing.Add(i);
        return differing;
    }

    /// <summary>The positions whose item is not the very one there last run; null when there was no last run or
    /// the lists differ in length (then everything counts as changed).</summary>
    public static List<int>? Changed<T>(IReadOnlyList<T> now, IReadOnlyList<T>? before) =>
        before is null || before.Count != now.Count ? null : NotSame(now, before);
}
