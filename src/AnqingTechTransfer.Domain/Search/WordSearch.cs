using System.Text;

namespace AnqingTechTransfer.Domain.Search;

/// <summary>Cuts text into words the way a search engine indexes it (jieba's search mode in the web project).</summary>
public interface IWordCutter
{
    IEnumerable<string> CutForSearch(string text);
}

/// <summary>
/// What a record is found by (ADR 0017): the words of its title, the words of the rest, and the two-character grams of its
/// Chinese text, as one line <c>title words | other words | grams</c>. The database turns the three parts into one
/// tsvector ('simple' configuration, weights A, B and D) and indexes it with GIN. Only letters and digits are kept in a
/// token, so the line never holds a character the text-search parser would read as an operator.
/// </summary>
public static class SearchText
{
    /// <summary>The longest text indexed per part (the parser's positions stop at 16,383).</summary>
    public const int MaxChars = 4000;

    public static string Words(IWordCutter cutter, string? title, params string?[] rest)
    {
        var body = string.Join(" ", rest.Where(r => !string.IsNullOrWhiteSpace(r)));
        var all = Clip((title ?? string.Empty) + " " + body);
        return string.Join(" ", Tokens(cutter, Clip(title))) + " | " + string.Join(" ", Tokens(cutter, Clip(body))) + " | " + string.Join(" ", Grams(all));
    }

    /// <summary>Lower-cased tokens of letters and digits (a token's other characters are dropped).</summary>
    public static IEnumerable<string> Tokens(IWordCutter cutter, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        foreach (var raw in cutter.CutForSearch(text))
        {
            var token = Clean(raw);
            if (token.Length > 0)
            {
                yield return token;
            }
        }
    }

    /// <summary>The two-character grams of each run of Chinese characters, in order (a run of one character gives none).</summary>
    public static IEnumerable<string> Grams(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (IsHan(text[i]) && IsHan(text[i + 1]))
            {
                yield return text.Substring(i, 2);
            }
        }
    }

    public static string Clean(string token)
    {
        var text = new StringBuilder(token.Length);
        foreach (var c in token)
        {
            if (IsHan(c) || char.IsAsciiLetterOrDigit(c))
            {
                text.Append(char.ToLowerInvariant(c));
            }
        }

        return text.ToString();
    }

    /// <summary>A CJK unified ideograph (the basic block and extension A), which the database's parser reads as a letter.</summary>
    public static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    private static string Clip(string? text) => text is null ? string.Empty : text.Length > MaxChars ? text[..MaxChars] : text;
}

/// <summary>One word of a query and what may stand for it when nothing matches every word (ADR 0017).</summary>
public sealed record QueryWord(string Word, IReadOnlyList<string> Parts);

/// <summary>
/// A search query, segmented as records are (ADR 0017). A query of at most two characters (or of single characters only)
/// keeps the substring path (<see cref="IsShort"/>). Otherwise every word must match, as a word of the record or as a
/// substring of its Chinese text (a phrase of its two-character grams). When that finds nothing, the relaxed query lets
/// a long word (3 characters or more) be met by its leading or trailing part of at least two characters: 耐候性 finds 耐候.
/// </summary>
public sealed class WordQuery
{
    public const int MaxWords = 8;
    public const int MaxInput = 200;

    /// <summary>Single characters that only join words (的、和、与…): dropped from a query of longer words.</summary>
    private static readonly HashSet<string> Joiners = ["的", "了", "和", "与", "及", "或", "等", "之", "其", "并", "及其"];

    private WordQuery(string text, IReadOnlyList<QueryWord> words)
    {
        Text = text;
        Words = words;
    }

    /// <summary>The query as typed, trimmed and clipped to <see cref="MaxInput"/> characters.</summary>
    public string Text { get; }

    public IReadOnlyList<QueryWord> Words { get; }

    /// <summary>Nothing to search for.</summary>
    public bool IsEmpty => Text.Length == 0;

    /// <summary>One or two characters, or no word longer than one character: today's substring search applies.</summary>
    public bool IsShort => !IsEmpty && Words.Count == 0;

    public static WordQuery Parse(IWordCutter cutter, string? q)
    {
        var text = (q ?? string.Empty).Trim();
        text = text.Length > MaxInput ? text[..MaxInput] : text;
        var compact = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (compact.Length <= 2)
        {
            return new WordQuery(text, []);
        }

        var tokens = SearchText.Tokens(cutter, text).Distinct(StringComparer.Ordinal).ToList();
        // The search mode also gives the shorter words inside a long one (丙烯 in 聚丙烯): implied by the long one, dropped.
        var words = tokens.Where(t => !tokens.Any(o => o.Length > t.Length && o.Contains(t, StringComparison.Ordinal))).ToList();
        var longer = words.Where(w => w.Length > 1).ToList();
        if (longer.Count == 0)
        {
            return new WordQuery(text, []);
        }

        var kept = words.Where(w => w.Length > 1 || !Joiners.Contains(w)).Take(MaxWords);
        return new WordQuery(text, kept.Select(w => new QueryWord(w, Parts(w))).ToList());
    }

    /// <summary>The leading and trailing parts of a Chinese word of 3 characters or more, longest first (at least 2 characters).</summary>
    public static IReadOnlyList<string> Parts(string word)
    {
        if (word.Length < 3 || !word.All(SearchText.IsHan))
        {
            return [];
        }

        var parts = new List<string>();
        for (var length = word.Length - 1; length >= 2; length--)
        {
            parts.Add(word[..length]);
            parts.Add(word[^length..]);
        }

        return parts.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The tsquery text: the words joined by <c>&amp;</c>; each word as a lexeme or as the phrase of its grams; relaxed, its
    /// parts as well. Lexemes hold letters and digits only (quoted), so nothing typed can become an operator.
    /// </summary>
    public string TsQuery(bool relaxed)
    {
        return string.Join(" & ", Words.Select(w =>
        {
            var options = new List<string> { Match(w.Word) };
            if (relaxed)
            {
                options.AddRange(w.Parts.Select(Match));
            }

            return "(" + string.Join(" | ", options) + ")";
        }));
    }

    /// <summary>The words to mark in a hit (and, relaxed, their parts), longest first.</summary>
    public IReadOnlyList<string> Marks(bool relaxed) =>
        Words.SelectMany(w => relaxed ? w.Parts.Prepend(w.Word) : [w.Word]).Distinct(StringComparer.Ordinal).OrderByDescending(m => m.Length).ToList();

    /// <summary>The parts that stand in for long words in the relaxed query (耐候、候性 for 耐候性).</summary>
    public IReadOnlyList<string> StandIns() => Words.SelectMany(w => w.Parts).Distinct(StringComparer.Ordinal).ToList();

    private static string Match(string word)
    {
        if (word.Length == 1)
        {
            // A single character: a word, or the start of a gram.
            return $"'{word}':*";
        }

        if (!word.All(SearchText.IsHan))
        {
            // Letters and digits: a word, or the start of one (pp finds pp材料's pp, 5g finds 5g).
            return $"'{word}':*";
        }

        if (word.Length == 2)
        {
            return $"'{word}'";
        }

        var grams = Enumerable.Range(0, word.Length - 1).Select(i => $"'{word.Substring(i, 2)}'");
        return $"('{word}' | ({string.Join(" <-> ", grams)}))";
    }
}

/// <summary>A piece of text and whether it is one of the searched words.</summary>
public sealed record TextPart(string Text, bool Marked);

/// <summary>Marks the searched words in a hit's text; the view HTML-encodes every part and wraps the marked ones in &lt;mark&gt;.</summary>
public static class Highlighter
{
    /// <summary>The text cut into parts; each occurrence of a word (case-insensitive, longest word first) is a marked part.</summary>
    public static IReadOnlyList<TextPart> Parts(string? text, IReadOnlyList<string> words)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var marks = words.Where(w => w.Length > 0).OrderByDescending(w => w.Length).ToList();
        var parts = new List<TextPart>();
        var plain = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var hit = marks.FirstOrDefault(w => string.Compare(text, i, w, 0, w.Length, StringComparison.OrdinalIgnoreCase) == 0);
            if (hit is null)
            {
                plain.Append(text[i++]);
                continue;
            }

            if (plain.Length > 0)
            {
                parts.Add(new TextPart(plain.ToString(), false));
                plain.Clear();
            }

            parts.Add(new TextPart(text.Substring(i, hit.Length), true));
            i += hit.Length;
        }

        if (plain.Length > 0)
        {
            parts.Add(new TextPart(plain.ToString(), false));
        }

        return parts;
    }

    /// <summary>About <paramref name="width"/> characters of the text around its first marked word (with … where cut), marked.</summary>
    public static IReadOnlyList<TextPart> Snippet(string? text, IReadOnlyList<string> words, int width = 80)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var first = words.Where(w => w.Length > 0).Select(w => text.IndexOf(w, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, Math.Min(first - width / 4, text.Length - width));
        var length = Math.Min(width, text.Length - start);
        var cut = (start > 0 ? "…" : string.Empty) + text.Substring(start, length) + (start + length < text.Length ? "…" : string.Empty);
        return Parts(cut, words);
    }

    /// <summary>Whether any word occurs in the text.</summary>
    public static bool Contains(string? text, IReadOnlyList<string> words) =>
        !string.IsNullOrEmpty(text) && words.Any(w => w.Length > 0 && text.Contains(w, StringComparison.OrdinalIgnoreCase));
}
