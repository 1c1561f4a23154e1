using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace KropotkinSite.Search;

/// <summary>
/// The run of ASCII letters and digits a text starts with, and its key for <see cref="SpellingTable"/>: its first
/// <see cref="SpellingTable.PackedLength"/> characters lower-cased, a byte each, the first in the lowest byte.
/// Most words are shorter than eight characters, so eight are classified at once, as one vector, and the key is
/// their bytes: reading a word costs no loop over its characters and no branch that depends on its length.
/// </summary>
internal static class AsciiRun
{
    /// <summary>How many letters and digits <paramref name="text"/> starts with (it starts with one).</summary>
    public static int Read(ReadOnlySpan<char> text, out ulong key)
    {
        if (text.Length >= 8)
        {
            var chars = Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(MemoryMarshal.Cast<char, ushort>(text)));
            var lower = chars | Vector128.Create((ushort)0x20); // upper case to lower (digits have the bit already)
            var isWord = Vector128.LessThan(lower - Vector128.Create((ushort)'a'), Vector128.Create((ushort)26))
                         | Vector128.LessThan(chars - Vector128.Create((ushort)'0'), Vector128.Create((ushort)10));
            var run = BitOperations.TrailingZeroCount(~isWord.ExtractMostSignificantBits());
            if (run < 8)
            {
                key = Vector128.Narrow(lower, lower).AsUInt64().ToScalar() & ((1UL << (8 * run)) - 1);
                return run;
            }
        }
        key = 0;
        var length = 0;
        for (; length < text.Length && char.IsAsciiLetterOrDigit(text[length]); length++)
            if (length < SpellingTable.PackedLength) key |= (ulong)(text[length] | 0x20) << (8 * length);
        return length;
    }
}
