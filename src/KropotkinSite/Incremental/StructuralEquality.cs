using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using KropotkinSite.Engine;

namespace KropotkinSite.Incremental;

/// <summary>
/// Whether two values hold the same data, all the way down: what a step's result is compared by, so that a
/// recomputed result equal to the last one lets everything made from it stand (early cut-off), and what a
/// function's arguments are compared by, so that equal arguments give the last result (memoisation).
/// <para>Strings, numbers and bytes by value; lists in order; dictionaries by key; records and structs of this
/// assembly field by field (private fields too), or by their own <c>Equals</c> when every field is a plain value;
/// other classes of this assembly by their own <see cref="IEquatable{T}"/>, or as the same object; a function by its
/// method and what it holds; records of any assembly field by field too. Anything else (a class of another
/// library, whose <c>Equals</c> may leave out what matters, such as where a YAML node stands) is equal only to
/// itself. An answer errs only towards "different".</para>
/// </summary>
public static class StructuralEquality
{
    private const int MaxDepth = 64;

    private enum Kind { ByReference, ByEquals, ByFields }

    private sealed record Shape(Kind Kind, FieldInfo[] Fields);

    private static readonly ConcurrentDictionary<Type, Shape> Shapes = new();

    public static bool Equal(object? a, object? b) => Equal(a, b, 0);

    /// <summary>Whether two values are the very same object, or structs (tuples) whose fields hold the very same
    /// objects and the same plain values: a check that reads nothing inside the objects, for the items that did not
    /// change. Structs are compared by their bytes, without boxing them; where bytes that do not matter differ (the
    /// padding between fields, 0.0 and -0.0) the answer is "different", and the items are compared closely.</summary>
    public static bool Same<T>(T a, T b)
    {
        if (!typeof(T).IsValueType) return ReferenceEquals(a, b);
        var size = Unsafe.SizeOf<T>();
        return MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<T, byte>(ref a), size)
            .SequenceEqual(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<T, byte>(ref b), size));
    }

    private static bool Equal(object? a, object? b, int depth)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a is null || b is null || depth > MaxDepth) return false;
        var type = a.GetType();
        if (type != b.GetType()) return false;
        switch (a)
        {
            case string text: return string.Equals(text, (string)b, StringComparison.Ordinal);
            case ReadOnlyMemory<byte> bytes: return bytes.Span.SequenceEqual(((ReadOnlyMemory<byte>)b).Span);
            case byte[] array: return array.AsSpan().SequenceEqual((byte[])b);
            case Uri uri: return uri.OriginalString == ((Uri)b).OriginalString;
            case Document document: return Documents(document, (Document)b, depth);
            case Delegate function:
                var other = (Delegate)b;
                return function.Method == other.Method && Equal(function.Target, other.Target, depth + 1);
            case ITuple tuple: return Tuples(tuple, (ITuple)b, depth);
            case IDictionary map: return Dictionaries(map, (IDictionary)b, depth);
            case IEnumerable list: return Sequences(list, (IEnumerable)b, depth);
        }
        var shape = Shapes.GetOrAdd(type, Analyse);
        switch (shape.Kind)
        {
            case Kind.ByEquals: return a.Equals(b);
            case Kind.ByFields:
                foreach (var field in shape.Fields)
                    if (!Equal(field.GetValue(a), field.GetValue(b), depth + 1)) return false;
                return true;
            default: return false;
        }
    }

    /// <summary>Documents by their bytes first, which differ most often and cost least to compare.</summary>
    private static bool Documents(Document a, Document b, int depth) =>
        a.Source == b.Source && a.Destination == b.Destination && a.Content.Span.SequenceEqual(b.Content.Span)
        && (ReferenceEquals(a.Metadata, b.Metadata) || Metadata(a.Metadata, b.Metadata, depth));

    /// <summary>The same keys (in the same order, as both keep them) with equal values.</summary>
    private static bool Metadata(DocumentMetadata a, DocumentMetadata b, int depth)
    {
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
            if (a.Entries[i].Key != b.Entries[i].Key || !Equal(a.Entries[i].Value, b.Entries[i].Value, depth + 1))
                return false;
        return true;
    }

    private static bool Tuples(ITuple a, ITuple b, int depth)
    {
        if (a.Length != b.Length) return false;
        for (var i = 0; i < a.Length; i++)
            if (!Equal(a[i], b[i], depth + 1)) return false;
        return true;
    }

    private static bool Dictionaries(IDictionary a, IDictionary b, int depth)
    {
        if (a.Count != b.Count) return false;
        foreach (DictionaryEntry entry in a)
            if (!b.Contains(entry.Key) || !Equal(entry.Value, b[entry.Key], depth + 1)) return false;
        return true;
    }

    private static bool Sequences(IEnumerable a, IEnumerable b, int depth)
    {
        if (a is object?[] arrayA && b is object?[] arrayB) // an array of a class: read without an interface call
        {
            if (arrayA.Length != arrayB.Length) return false;
            for (var i = 0; i < arrayA.Length; i++)
                if (!Equal(arrayA[i], arrayB[i], depth + 1)) return false;
            return true;
        }
        if (a is IList listA && b is IList listB)
        {
            if (listA.Count != listB.Count) return false;
            for (var i = 0; i < listA.Count; i++)
                if (!Equal(listA[i], listB[i], depth + 1)) return false;
            return true;
        }
        if (a is ICollection collectionA && b is ICollection collectionB
            && collectionA.Count != collectionB.Count) return false;
        var left = a.GetEnumerator();
        var right = b.GetEnumerator();
        while (true)
        {
            var more = left.MoveNext();
            if (more != right.MoveNext()) return false;
            if (!more) return true;
            if (!Equal(left.Current, right.Current, depth + 1)) return false;
        }
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070",
        Justification = "The types compared are this assembly's, and the published build keeps this assembly whole.")]
    private static Shape Analyse(Type type)
    {
        if (IsPlainValue(type)) return new Shape(Kind.ByEquals, []);
        var fields = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
            return new Shape(Kind.ByFields, fields);
        if (IsRecord(type) || (type.IsValueType && IsOurs(type)))
            return new Shape(fields.All(f => IsFlat(f.FieldType, 0)) ? Kind.ByEquals : Kind.ByFields, fields);
        if (!IsOurs(type))
            return new Shape(type.IsValueType
                && fields.All(f => IsPlainValue(f.FieldType)) ? Kind.ByEquals : Kind.ByReference, []);
        return new Shape(
            type.GetInterfaces().Contains(typeof(IEquatable<>).MakeGenericType(type))
                ? Kind.ByEquals
                : Kind.ByReference,
            []);
    }

    private static bool IsPlainValue(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime)
        || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid)
        || (Nullable.GetUnderlyingType(type) is { } inner && IsPlainValue(inner));

    /// <summary>Whether the record's own <c>Equals</c> compares this field's values completely: plain values, and
    /// records of this assembly made only of them.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070",
        Justification = "The types compared are this assembly's, and the published build keeps this assembly whole.")]
    private static bool IsFlat(Type type, int depth)
    {
        if (IsPlainValue(type)) return true;
        if (Nullable.GetUnderlyingType(type) is { } inner) return IsFlat(inner, depth);
        if (depth > 4 || !type.IsSealed || !(IsRecord(type) || (type.IsValueType && IsOurs(type)))) return false;
        return type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .All(f => IsFlat(f.FieldType, depth + 1));
    }

    private static bool IsOurs(Type type) => type.Assembly == typeof(StructuralEquality).Assembly;

    /// <summary>Records, class or struct, are the types the compiler gives a <c>PrintMembers</c> method: their fields
    /// are all they hold, whatever assembly they come from.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070",
        Justification = "The types compared are this assembly's, and the published build keeps this assembly whole.")]
    private static bool IsRecord(Type type) =>
        type.GetMethod("PrintMembers",
            BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public) is not null;
}
