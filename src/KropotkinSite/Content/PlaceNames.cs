namespace KropotkinSite.Content;

/// <summary>Place names as readers see them, and the registered name closest to a misspelt one.</summary>
public static class PlaceNames
{
    /// <summary>"London", "London and Paris", "Geneva, Zurich and Neuchâtel".</summary>
    public static string Join(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
    };

    /// <summary>The name with the fewest edits (ignoring case) from <paramref name="name"/>, where a name that
    /// begins like the other ("Clairvaux Prison" for "Clairveaux", "Harrow" for "Harrow, London") counts the edits
    /// of their common length and one more; ties go to the first in ordinal order, so the hint is the same on
    /// every run. Null when there are no names.</summary>
    public static string? Closest(string name, IEnumerable<string> names)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var text = (name.Length > 200 ? name[..200] : name).ToLowerInvariant(); // a hint need not read a whole page
        foreach (var candidate in names.Order(StringComparer.Ordinal))
        {
            var distance = Distance(text, candidate.ToLowerInvariant());
            if (distance < bestDistance) (best, bestDistance) = (candidate, distance);
        }
        return best;
    }

    private static int Distance(string a, string b)
    {
        var common = Math.Min(a.Length, b.Length);
        var whole = EditDistance(a, b);
        if (common < 3 || common == Math.Max(a.Length, b.Length)) return whole;
        return Math.Min(whole, EditDistance(a[..common], b[..common]) + 1);
    }

    /// <summary>Levenshtein distance: the fewest insertions, deletions and substitutions from one text to
    /// another.</summary>
    public static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1,
                    previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
