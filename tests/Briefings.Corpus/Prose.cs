using System.Text;
using static Briefings.Corpus.Lexicon;

namespace Briefings.Corpus;

/// <summary>Pseudo-English sentences from the word lists, with hooks for mentions and citations.</summary>
public static class Prose
{
    private static string NounPhrase(Rng r, StringBuilder sb, ref int words)
    {
        string det = r.Pick(Determiners);
        string? adj = r.Chance(0.6) ? r.Pick(Adjectives) : null;
        string noun = r.Pick(Nouns);
        if (det == "a" && "aeiou".Contains((adj ?? noun)[0])) det = "an";
        sb.Append(det).Append(' ');
        if (adj is not null) { sb.Append(adj).Append(' '); words++; }
        sb.Append(noun);
        words += 2;
        if (r.Chance(0.3))
        {
            sb.Append(" of the ").Append(r.Pick(Nouns));
            words += 3;
        }
        return noun;
    }

    /// <summary>
    /// Appends one sentence and returns its word count. <paramref name="mention"/> (already in
    /// <c>[[id]]</c> form) becomes the subject when given; <paramref name="citation"/> (already in
    /// <c>[@id]</c> form) is placed before the full stop.
    /// </summary>
    public static int Sentence(Rng r, StringBuilder sb, string? mention = null, string? citation = null)
    {
        int words = 0;
        int start = sb.Length;
        if (r.Chance(0.2))
        {
            string c = r.Pick(Connectives);
            sb.Append(c).Append(' ');
            words += CountWords(c);
        }
        if (mention is not null)
        {
            sb.Append(mention);
            words += 2;
        }
        else
        {
            NounPhrase(r, sb, ref words);
        }
        sb.Append(' ').Append(r.Pick(Verbs)).Append(' ');
        words++;
        NounPhrase(r, sb, ref words);
        if (r.Chance(0.7))
        {
            sb.Append(' ').Append(r.Pick(Prepositions)).Append(' ');
            words++;
            NounPhrase(r, sb, ref words);
        }
        if (r.Chance(0.3))
        {
            string cl = r.Pick(Clauses);
            sb.Append(", ").Append(cl);
            words += CountWords(cl);
        }
        if (citation is not null) sb.Append(' ').Append(citation);
        sb.Append('.');
        // Capitalise the first letter of the sentence (mentions start with '[' and stay as they are).
        if (char.IsLower(sb[start])) sb[start] = char.ToUpperInvariant(sb[start]);
        return words;
    }

    /// <summary>
    /// A paragraph of about <paramref name="targetWords"/> words. Each mention becomes the subject of
    /// one sentence; each citation ends one sentence (spread through the paragraph).
    /// </summary>
    public static void Paragraph(Rng r, StringBuilder sb, int targetWords, IReadOnlyList<string> mentions, IReadOnlyList<string> citations)
    {
        int words = 0;
        int sentence = 0;
        int mi = 0, ci = 0;
        while (words < targetWords || mi < mentions.Count || ci < citations.Count)
        {
            if (sentence > 0) sb.Append(' ');
            // Use mentions at the start, citations toward the end of the paragraph.
            string? m = mi < mentions.Count && (sentence % 2 == 0 || words > targetWords / 2) ? mentions[mi++] : null;
            string? c = ci < citations.Count && (words > targetWords / 3 || words >= targetWords) ? citations[ci++] : null;
            words += Sentence(r, sb, m, c);
            sentence++;
        }
    }

    /// <summary>One plain sentence (no markup) of roughly the given word count.</summary>
    public static string PlainSentence(Rng r)
    {
        var sb = new StringBuilder();
        Sentence(r, sb);
        return sb.ToString();
    }

    private static int CountWords(string s)
    {
        int n = 1;
        foreach (char ch in s) if (ch == ' ') n++;
        return n;
    }
}
