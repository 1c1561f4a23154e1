namespace KropotkinSite.Search;

/// <summary>
/// The Porter stemmer (M. F. Porter, "An algorithm for suffix stripping", 1980), as in his reference C version:
/// <c>prisons</c> and <c>prisoners</c> → <c>prison</c>, <c>revolutionary</c> → <c>revolutionari</c>. Words of
/// two letters or fewer, and words with anything but the letters a–z (digits, Cyrillic), are kept as they are.
/// theme/assets/search.js has the same rules, step for step.
/// </summary>
public static class PorterStemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 2 || word.AsSpan().ContainsAnyExceptInRange('a', 'z')) return word;
        var stemmer = new Run(word);
        stemmer.Step1ab();
        if (stemmer.K > 0)
        {
            stemmer.Step1c();
            stemmer.Step2();
            stemmer.Step3();
            stemmer.Step4();
            stemmer.Step5();
        }
        return stemmer.Result;
    }

    /// <summary>One word being stemmed: its letters <c>b[0..k]</c>, and <c>j</c>, where the suffix last matched begins.
    /// </summary>
    private sealed class Run(string word)
    {
        private readonly char[] _b = word.ToCharArray();
        private int _j;

        public int K = word.Length - 1;

        public string Result => new(_b, 0, K + 1);

        private bool IsConsonant(int i) => _b[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !IsConsonant(i - 1),
            _ => true,
        };

        /// <summary>The number of vowel-consonant sequences in <c>b[0..j]</c>.</summary>
        private int Measure()
        {
            var n = 0;
            var i = 0;
            while (true)
            {
                if (i > _j) return n;
                if (!IsConsonant(i)) break;
                i++;
            }
            i++;
            while (true)
            {
                while (true)
                {
                    if (i > _j) return n;
                    if (IsConsonant(i)) break;
                    i++;
                }
                i++;
                n++;
                while (true)
                {
                    if (i > _j) return n;
                    if (!IsConsonant(i)) break;
                    i++;
                }
                i++;
            }
        }

        private bool VowelInStem()
        {
            for (var i = 0; i <= _j; i++)
                if (!IsConsonant(i)) return true;
            return false;
        }

        private bool DoubleConsonant(int j) => j >= 1 && _b[j] == _b[j - 1] && IsConsonant(j);

        /// <summary>Consonant, vowel, consonant ending at <c>i</c>, the last not w, x or y (<c>hop</c>, not
        /// <c>snow</c>).</summary>
        private bool ConsonantVowelConsonant(int i) =>
            i >= 2 && IsConsonant(i) && !IsConsonant(i - 1) && IsConsonant(i - 2) && _b[i] is not ('w' or 'x' or 'y');

        private bool Ends(string suffix)
        {
            var length = suffix.Length;
            if (length > K + 1 || _b[K] != suffix[length - 1]) return false;
            for (var i = 0; i < length; i++)
                if (_b[K - length + 1 + i] != suffix[i]) return false;
            _j = K - length;
            return true;
        }

        private void SetTo(string ending)
        {
            for (var i = 0; i < ending.Length; i++) _b[_j + 1 + i] = ending[i];
            K = _j + ending.Length;
        }

        private void ReplaceIfMeasured(string ending)
        {
            if (Measure() > 0) SetTo(ending);
        }

        public void Step1ab()
        {
            if (_b[K] == 's')
            {
                if (Ends("sses")) K -= 2;
                else if (Ends("ies")) SetTo("i");
                else if (_b[K - 1] != 's') K--;
            }
            if (Ends("eed"))
            {
                if (Measure() > 0) K--;
            }
            else if ((Ends("ed") || Ends("ing")) && VowelInStem())
            {
                K = _j;
                if (Ends("at")) SetTo("ate");
                else if (Ends("bl")) SetTo("ble");
                else if (Ends("iz")) SetTo("ize");
                else if (DoubleConsonant(K))
                {
                    K--;
                    if (_b[K] is 'l' or 's' or 'z') K++;
                }
                else if (Measure() == 1 && ConsonantVowelConsonant(K)) SetTo("e");
            }
        }

        public void Step1c()
        {
            if (Ends("y") && VowelInStem()) _b[K] = 'i';
        }

        private static readonly Dictionary<char, (string Suffix, string Ending)[]> Step2Rules = new()
        {
            ['a'] = [("ational", "ate"), ("tional", "tion")],
            ['c'] = [("enci", "ence"), ("anci", "ance")],
            ['e'] = [("izer", "ize")],
            ['l'] = [("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous")],
            ['o'] = [("ization", "ize"), ("ation", "ate"), ("ator", "ate")],
            ['s'] = [("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous")],
            ['t'] = [("aliti", "al"), ("iviti", "ive"), ("biliti", "ble")],
            ['g'] = [("logi", "log")],
        };

        private static readonly Dictionary<char, (string Suffix, string Ending)[]> Step3Rules = new()
        {
            ['e'] = [("icate", "ic"), ("ative", ""), ("alize", "al")],
            ['i'] = [("iciti", "ic")],
            ['l'] = [("ical", "ic"), ("ful", "")],
            ['s'] = [("ness", "")],
        };

        /// <summary>Double suffixes to single ones (<c>-ization</c> → <c>-ize</c>); the first that ends the word
        /// decides.</summary>
        public void Step2() => ApplyFirst(Step2Rules, K - 1);

        /// <summary><c>-ic-</c>, <c>-full</c>, <c>-ness</c> and the like.</summary>
        public void Step3() => ApplyFirst(Step3Rules, K);

        private void ApplyFirst(Dictionary<char, (string Suffix, string Ending)[]> rules, int at)
        {
            if (at < 0 || !rules.TryGetValue(_b[at], out var candidates)) return;
            foreach (var (suffix, ending) in candidates)
                if (Ends(suffix))
                {
                    ReplaceIfMeasured(ending);
                    return;
                }
        }

        private static readonly Dictionary<char, string[]> Step4Suffixes = new()
        {
            ['a'] = ["al"], ['c'] = ["ance", "ence"], ['e'] = ["er"], ['i'] = ["ic"], ['l'] = ["able", "ible"],
            ['n'] = ["ant", "ement", "ment", "ent"], ['o'] = ["ion", "ou"], ['s'] = ["ism"], ['t'] = ["ate", "iti"],
            ['u'] = ["ous"], ['v'] = ["ive"], ['z'] = ["ize"],
        };

        /// <summary>Takes off <c>-ant</c>, <c>-ence</c> and the like where a long enough stem remains.</summary>
        public void Step4()
        {
            if (K < 1 || !Step4Suffixes.TryGetValue(_b[K - 1], out var suffixes)) return;
            var matched = false;
            foreach (var suffix in suffixes)
            {
                if (!Ends(suffix)) continue;
                // -ion comes off only after s or t.
                if (suffix == "ion" && !(_j >= 0 && _b[_j] is 's' or 't')) continue;
                matched = true;
                break;
            }
            if (matched && Measure() > 1) K = _j;
        }

        /// <summary>Takes off a final <c>-e</c>, and <c>-ll</c> to <c>-l</c>, where the stem is long enough.</summary>
        public void Step5()
        {
            _j = K;
            if (_b[K] == 'e')
            {
                var measure = Measure();
                if (measure > 1 || (measure == 1 && !ConsonantVowelConsonant(K - 1))) K--;
            }
            if (_b[K] == 'l' && DoubleConsonant(K) && Measure() > 1) K--;
        }
    }
}
