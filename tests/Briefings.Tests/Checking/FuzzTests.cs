using System.Diagnostics;
using System.Text;
using Briefings.Errors;
using Briefings.Site;
using Briefings.Tests.Fixtures;
using Xunit.Abstractions;

namespace Briefings.Tests.Checking;

/// <summary>Seeded random mutations of the valid fixture's files, each read and checked: nothing a contributor
/// (or a stranger's pull request) writes may crash the checker, and every diagnostic must point somewhere real.
/// A failure names the seed and case; <see cref="MakeCase"/> rebuilds that one case on its own.</summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    public const int Seed = 20_190_614;
    public const int Cases = 3_000;

    private static readonly string[] Files = [.. ArchiveFixture.ValidFiles.Keys.Order(StringComparer.Ordinal)];
    private static readonly HashSet<string> Codes = DiagnosticCode.All.Select(c => c.Code).ToHashSet();

    [Fact]
    public void Mutated_files_never_crash_the_checker_and_every_diagnostic_points_into_the_archive()
    {
        using var archive = new ArchiveFixture();
        var root = Path.GetFullPath(archive.Root) + Path.DirectorySeparatorChar;
        var failures = new List<string>();
        int diagnostics = 0, failing = 0;
        var byCode = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();

        string? dirty = null; // the one file a previous case changed, restored only when the next case picks another
        for (int n = 0; n < Cases; n++)
        {
            var (file, bytes, description) = MakeCase(Seed, n);
            if (dirty is not null && dirty != file) archive.Write(dirty, ArchiveFixture.ValidFiles[dirty]);
            archive.WriteBytes(file, bytes);
            dirty = file;
            string Where() => $"seed {Seed}, case {n} ({file}: {description})";
            try
            {
                var loaded = ArchiveLoader.Load(archive.Root);
                if (loaded.HasErrors) failing++;
                int lines = LineCount(bytes);
                foreach (var d in loaded.Diagnostics)
                {
                    diagnostics++;
                    byCode[d.Code] = byCode.GetValueOrDefault(d.Code) + 1;
                    var full = Path.GetFullPath(d.Path);
                    if (!full.StartsWith(root, StringComparison.Ordinal))
                        failures.Add($"{Where()}: names a file outside the archive: {d}");
                    if (d.At.Line < 1 || d.At.Column < 1)
                        failures.Add($"{Where()}: position below 1:1: {d}");
                    if (full == archive.Path(file) && d.At.Line > lines + 1)
                        failures.Add($"{Where()}: line {d.At.Line} is past the end of the file ({lines} lines): {d}");
                    if (!Codes.Contains(d.Code))
                        failures.Add($"{Where()}: code not in DiagnosticCode.All: {d}");
                    if (d.Message.Length == 0 || d.Message.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029'))
                        failures.Add($"{Where()}: the message must be one non-empty line: {d.ToString().Replace("\n", "\\n").Replace("\r", "\\r")}");
                }
            }
            catch (Exception e)
            {
                failures.Add($"{Where()}: {e.GetType().Name} escaped: {e.Message}\n{e.StackTrace}");
            }
        }

        output.WriteLine($"fuzz: seed {Seed}, {Cases} cases in {clock.Elapsed.TotalSeconds:F1} s: {failing} with errors, " +
                         $"{diagnostics} diagnostics, {failures.Count} failures");
        output.WriteLine("by code: " + string.Join(", ", byCode.Select(kv => $"{kv.Key} {kv.Value}")));
        Assert.True(failures.Count == 0, $"{failures.Count} failures, the first ones:\n" + string.Join("\n", failures.Take(15)));
        Assert.True(failing > Cases / 2, $"only {failing} of {Cases} mutations gave an error: the mutations are too gentle");
    }

    /// <summary>Lines as an editor counts them: LF, CRLF and CR each end one; Unicode line and paragraph separators
    /// and NEL count too, since YAML treats them as breaks.</summary>
    private static int LineCount(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        int n = 1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue;
            if (c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029') n++;
        }
        return n;
    }

    /// <summary>Case <paramref name="n"/> of a run: which file, its mutated bytes, and what was done to it.
    /// Each case has its own generator, so one can be rebuilt without the others.</summary>
    public static (string File, byte[] Bytes, string Description) MakeCase(int seed, int n)
    {
        var rng = new Random(unchecked(seed * 7919 + n));
        var file = Files[rng.Next(Files.Length)];
        var text = ArchiveFixture.ValidFiles[file];
        var done = new List<string>();
        int steps = 1 + rng.Next(3);
        byte[]? bytes = null;
        for (int s = 0; s < steps; s++)
        {
            int kind = rng.Next(14);
            if (kind is 0 or 1)
            {
                // Byte-level: flips and truncation produce invalid UTF-8 and cut tokens; they end the case.
                bytes = Encoding.UTF8.GetBytes(text);
                if (kind == 0 && bytes.Length > 0)
                {
                    int flips = 1 + rng.Next(6);
                    for (int i = 0; i < flips; i++) bytes[rng.Next(bytes.Length)] ^= (byte)(1 << rng.Next(8));
                    done.Add($"{flips} byte flips");
                }
                else
                {
                    int cut = rng.Next(bytes.Length + 1);
                    bytes = bytes[..cut];
                    done.Add($"truncated at byte {cut}");
                }
                break;
            }
            text = Mutate(text, kind, rng, out var what);
            done.Add(what);
        }
        return (file, bytes ?? Encoding.UTF8.GetBytes(text), string.Join("; ", done));
    }

    private static readonly string[] Values =
    [
        "", "~", "null", "[]", "{}", "''", "\"\"", "[[]]", "-", "- -", ":", "? x", "!!binary AAAA", "!custom x", "0x1F", "1e400",
        "2019-02-30", "2019-13", "0000", "9999-12-31", "|", ">", "|-\n  x", "'unclosed", "\"unclosed", "[unclosed", "{unclosed",
        "x: y: z", "&a x", "*a", "&a [*a]", "\"\\u0000\"", "\"a\\nb\"", "\"a\\rb\"", "\"\\u2028\"", "\"\\e\\a\\b\"", "\"\\x\"",
        "javascript:alert(1)", "https://", "http://[::1", "Kim_Myong_Gil", "kim-myong-gil", "north-korea", "dprk-central-court",
        "[kim-myong-gil, kim-myong-gil]", "{a: 1, a: 2}", "- a\n- b", "%YAML 1.2", "---", "...", "#", "\t", "\u00a0", "\uFEFF",
    ];

    private static readonly string[] Markdown =
    [
        "[[", "]]", "[[kim-myong-gil", "[[|]]", "[[ ]]", "[[x|]]", "[[Kim_Myong_Gil]]", "[[no-such-id]]", "[@", "[@]", "[@ x]",
        "[@no-such-source]", "[@a;;@b]", "[@kim-myong-gil]", "<script>alert(1)</script>", "<a href=\"javascript:x\">x</a>",
        "[x](javascript:alert(1))", "![i](data:x)", "<javascript:x>", "[x]: javascript:y", "```", "~~~", "    code", "| a | b |\n|---|---|",
        "***", "___", "\\", "&#0;", "&amp", "<!--", "-->", "<div>", "</div>",
    ];

    private static string Mutate(string text, int kind, Random rng, out string what)
    {
        var lines = text.Split('\n').ToList();
        int Line() => rng.Next(lines.Count);
        string Join() => string.Join('\n', lines);
        switch (kind)
        {
            case 2: // swap two lines
                {
                    int a = Line(), b = Line();
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                    what = $"swapped lines {a + 1} and {b + 1}";
                    return Join();
                }
            case 3: // duplicate a line: duplicated keys, list items, '---'
                {
                    int a = Line();
                    lines.Insert(a, lines[a]);
                    what = $"duplicated line {a + 1}";
                    return Join();
                }
            case 4: // deep nesting, balanced or not
                {
                    int depth = rng.Next(2) == 0 ? rng.Next(1, 40) : rng.Next(40, 2_500);
                    bool map = rng.Next(2) == 0;
                    bool close = rng.Next(3) != 0;
                    var nest = map
                        ? string.Concat(Enumerable.Repeat("{a: ", depth)) + "x" + (close ? new string('}', depth) : "")
                        : new string('[', depth) + (close ? new string(']', depth) : "");
                    int a = Line();
                    lines.Insert(a, rng.Next(2) == 0 ? "deep: " + nest : nest);
                    what = $"{(map ? "{a: ...}" : "[[...]]")} {depth} deep{(close ? "" : " unclosed")} at line {a + 1}";
                    return Join();
                }
            case 5: // a very long line: a value, a key or body text
                {
                    int length = rng.Next(1_000, 100_000);
                    var chunk = rng.Next(3) switch { 0 => "x", 1 => "[[kim-myong-gil]] ", _ => "ab cd " };
                    var longText = string.Concat(Enumerable.Repeat(chunk, length / chunk.Length));
                    int a = Line();
                    lines.Insert(a, rng.Next(3) switch { 0 => "title: " + longText, 1 => longText + ": x", _ => longText });
                    what = $"a {longText.Length}-character line at line {a + 1}";
                    return Join();
                }
            case 6: // random Unicode, including controls, separators, surrogate pairs and combining marks
                {
                    var sb = new StringBuilder();
                    int count = 1 + rng.Next(20);
                    for (int i = 0; i < count; i++) sb.Append(RandomChar(rng));
                    int at = rng.Next(text.Length + 1);
                    what = $"{count} random characters at offset {at}";
                    return text[..at] + sb + text[at..];
                }
            case 7: // anchors and aliases
                {
                    int at = rng.Next(text.Length + 1);
                    var token = rng.Next(4) switch { 0 => "&a ", 1 => "*a", 2 => "&a", _ => " *a " };
                    what = $"'{token}' at offset {at}";
                    return text[..at] + token + text[at..];
                }
            case 8: // remove a '---'
                {
                    var dashes = lines.Select((l, i) => (l, i)).Where(x => x.l == "---").Select(x => x.i).ToList();
                    if (dashes.Count == 0) { what = "no '---' to remove"; return text; }
                    int a = dashes[rng.Next(dashes.Count)];
                    lines.RemoveAt(a);
                    what = $"removed the '---' on line {a + 1}";
                    return Join();
                }
            case 9: // replace a value with an awkward one
                {
                    int a = Line();
                    int colon = lines[a].IndexOf(": ", StringComparison.Ordinal);
                    var value = Values[rng.Next(Values.Length)];
                    lines[a] = colon < 0 ? lines[a] + value : lines[a][..(colon + 2)] + value;
                    what = $"line {a + 1} value '{value}'";
                    return Join();
                }
            case 10: // Markdown and HTML fragments, anywhere
                {
                    var piece = Markdown[rng.Next(Markdown.Length)];
                    if (rng.Next(4) == 0) piece = string.Concat(Enumerable.Repeat(piece, rng.Next(2, 1_500)));
                    int at = rng.Next(text.Length + 1);
                    what = $"'{Short(piece)}' at offset {at}";
                    return text[..at] + piece + text[at..];
                }
            case 11: // indentation: tabs, extra or missing spaces
                {
                    int a = Line();
                    lines[a] = rng.Next(3) switch { 0 => "\t" + lines[a], 1 => "   " + lines[a], _ => lines[a].TrimStart() };
                    what = $"re-indented line {a + 1}";
                    return Join();
                }
            case 12: // line endings
                {
                    what = rng.Next(3) switch { 0 => "CRLF", 1 => "CR only", _ => "BOM and CRLF" };
                    return what switch
                    {
                        "CRLF" => text.Replace("\n", "\r\n"),
                        "CR only" => text.Replace('\n', '\r'),
                        _ => "\uFEFF" + text.Replace("\n", "\r\n"),
                    };
                }
            default: // delete a line, or a run of lines
                {
                    int a = Line();
                    int count = Math.Min(lines.Count - a, 1 + rng.Next(8));
                    lines.RemoveRange(a, count);
                    what = $"deleted lines {a + 1}-{a + count}";
                    return Join();
                }
        }
    }

    private static string RandomChar(Random rng) => rng.Next(8) switch
    {
        0 => ((char)rng.Next(0, 32)).ToString(),                    // C0 controls, NUL, tab, CR, LF
        1 => rng.Next(3) switch { 0 => "\u2028", 1 => "\u2029", _ => "\u0085" },
        2 => char.ConvertFromUtf32(rng.Next(0x1F300, 0x1FAFF)),     // astral: surrogate pairs
        3 => ((char)rng.Next(0x0300, 0x036F)).ToString(),           // combining marks
        4 => rng.Next(3) switch { 0 => "\u202E", 1 => "\u200B", _ => "\uFEFF" },
        5 => ((char)rng.Next(0xAC00, 0xD7A3)).ToString(),           // Hangul
        6 => YamlIndicators[rng.Next(YamlIndicators.Length)].ToString(),
        _ => ((char)rng.Next(0x20, 0x7F)).ToString(),
    };

    private const string YamlIndicators = ":#-[]{}&*!|>'\"%@`,?";

    private static string Short(string s) => s.Length <= 40 ? s : s[..37] + "...";
}
