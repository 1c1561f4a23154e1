namespace KropotkinSite.Content;

/// <summary>
/// A read-only list that equals another with the same items in the same order, so a record holding one keeps
/// value equality (an edit that leaves a page's events as they were gives equal events).
/// </summary>
public sealed class ValueList<T>(IReadOnlyList<T> items) : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    public static readonly ValueList<T> Empty = new([]);

    public int Count => items.Count;

    public T this[int index] => items[index];

    public bool Equals(ValueList<T>? other) => other is not null && items.SequenceEqual(other);

    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in items) hash.Add(item);
        return hash.ToHashCode();
    }

    public IEnumerator<T> GetEnumerator() => items.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
