using Markdig.Syntax;

namespace Briefings.Markdown;

/// <summary>What a body may hold so that parsing, rendering and sanitising it stay fast and shallow. Markdig
/// refuses deep nesting only by throwing, some of it only when rendering (emphasis); the HTML sanitiser's parser
/// and serialiser slow down quadratically with very deep or very long markup and recurse on depth. No real
/// briefing comes near these limits; a hostile or broken file gets a clear error instead of a hang or a crash.</summary>
public static class BodyLimits
{
    /// <summary>Container markers ('>', '-', '1.') opening one line. Markdig parses a line of thousands of
    /// list markers slowly before refusing it, so such lines are refused before parsing.</summary>
    public const int MaxLineNesting = 64;

    /// <summary>Depth of the Markdown tree. Markdig renders up to about 128 levels and throws beyond.</summary>
    public const int MaxNesting = 100;

    /// <summary>Markdown elements plus raw HTML tags in one body.</summary>
    public const int MaxElements = 20_000;

    /// <summary>Raw HTML elements open inside each other.</summary>
    public const int MaxHtmlNesting = 64;

    /// <summary>'[' in one body: links, mentions and citations all open with one. Markdig's link parsing takes time
    /// growing with the square of their number when they stay open (a run of "[a](" of 160 KB took 10 s, 320 KB
    /// 38 s), so they are counted before parsing; a real briefing has a few dozen.</summary>
    public const int MaxBrackets = 5_000;

    public enum Problem { TooDeep, TooLarge }

    /// <summary>Why a text is refused, at a 0-based line and column of the text (its start, when the whole is too large).</summary>
    public sealed record Refusal(Problem Problem, string Message, int Line, int Column);

    /// <summary>Checks the text before Markdig sees it.</summary>
    public static Refusal? BeforeParse(string text)
    {
        int line = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            if (LeadingContainers(text.AsSpan(range)) > MaxLineNesting)
                return new Refusal(Problem.TooDeep, $"quotes or lists nested too deeply (a line opens more than {MaxLineNesting})", line, 0);
            line++;
        }
        int brackets = text.AsSpan().Count('[');
        if (brackets > MaxBrackets)
            return new Refusal(Problem.TooLarge, $"too many '[' ({brackets}; at most {MaxBrackets}, for links, mentions and citations together)", 0, 0);
        return null;
    }

    /// <summary>Checks a parsed text: its depth, its size, and the nesting of its raw HTML.</summary>
    public static Refusal? AfterParse(MarkdownDocument doc)
    {
        int elements = 0;
        var html = new HtmlNesting();
        // Depth first in document order, so raw HTML is scanned in the order the browser reads it.
        foreach (var (node, depth) in BodyMarkdown.Walk(doc))
        {
            if (depth > MaxNesting)
                return new Refusal(Problem.TooDeep, $"Markdown nested too deeply (more than {MaxNesting} levels of quotes, lists, emphasis or links)", node.Line, node.Column);
            elements++;
            if (BodyMarkdown.RawHtml(node) is { } raw)
            {
                elements += html.Scan(raw);
                if (html.MaxDepth > MaxHtmlNesting)
                    return new Refusal(Problem.TooDeep, $"raw HTML nested too deeply (more than {MaxHtmlNesting} elements inside each other)", node.Line, node.Column);
            }
            if (elements > MaxElements)
                return new Refusal(Problem.TooLarge, $"too many elements (more than {MaxElements} Markdown elements and HTML tags)", 0, 0);
        }
        return null;
    }

    /// <summary>How many quote or list markers open a line ("> > - 1. text" has four).</summary>
    private static int LeadingContainers(ReadOnlySpan<char> line)
    {
        int count = 0, i = 0;
        while (true)
        {
            while (i < line.Length && line[i] is ' ' or '\t') i++;
            if (i >= line.Length) return count;
            if (line[i] == '>') { count++; i++; continue; }
            int marker = i;
            if (line[i] is '-' or '+' or '*') i++;
            else
            {
                while (i < line.Length && i - marker < 9 && char.IsAsciiDigit(line[i])) i++;
                if (i == marker || i >= line.Length || line[i] is not ('.' or ')')) return count;
                i++;
            }
            if (i < line.Length && line[i] is not (' ' or '\t')) return count;
            count++;
        }
    }
}
