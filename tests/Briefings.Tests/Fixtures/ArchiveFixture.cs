using System.Text;
using Briefings.Reading;

namespace Briefings.Tests.Fixtures;

/// <summary>What <c>briefings check</c> printed and returned.</summary>
public sealed record CheckRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The non-empty lines of stdout: one per diagnostic.</summary>
    public IReadOnlyList<string> Lines =>
        Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}

/// <summary>A valid, minimal archive written into a fresh temp folder: site.yml (with a footer), two countries, two
/// institutions, two people (each with a position), one agreement and two briefings with events, actors, mentions and
/// citations, every listed source cited; two catalog sources (KCNA's, state media, and Rossiyskaya Gazeta's, in
/// Russian), each cited from three files, with quotes in facts' sources; a correction on a briefing and one on the
/// agreement; an event (Trial's) and a position (Lebedev's) with a declared id; two pages, about and methodology. Tests overwrite, add or remove files, or replace a line, then run the
/// checker on <see cref="Root"/>. Disposing deletes the folder.</summary>
public sealed class ArchiveFixture : IDisposable
{
    public const string SiteYml = "site.yml";
    public const string NorthKorea = "countries/north-korea.md";
    public const string Russia = "countries/russia.md";
    public const string Court = "institutions/dprk-central-court.md";
    public const string RussianCourt = "institutions/russia-supreme-court.md";
    public const string Kim = "people/kim-myong-gil.md";
    public const string Lebedev = "people/vyacheslav-lebedev.md";
    public const string Mou = "agreements/dprk-russia-court-mou-2019.md";
    public const string Delegation = "briefings/2019/2019-06-14-central-court-delegation-to-moscow.md";
    public const string Trial = "briefings/2020/2020-03-02-court-exchange-follow-up.md";
    public const string KcnaSource = "sources/kcna-courts-2019.md";
    public const string RgSource = "sources/rg-courts-2019.md";
    public const string About = "pages/about.md";
    public const string Methodology = "pages/methodology.md";

    /// <summary>The files of the valid archive, by path relative to the archive folder.</summary>
    public static readonly IReadOnlyDictionary<string, string> ValidFiles = new Dictionary<string, string>
    {
        [SiteYml] = """
            title: "Test briefings"
            description: "A small archive written by the tests."
            base_url: "https://briefings.example.org"
            language: en
            footer: [about, methodology]

            """,
        [NorthKorea] = """
            ---
            name: "North Korea"
            native_name: "조선민주주의인민공화국"
            iso: KP
            aliases:
              - "DPRK"
              - "Democratic People's Republic of Korea"
            ---

            The Democratic People's Republic of Korea.

            """,
        [Russia] = """
            ---
            name: "Russia"
            native_name: "Россия"
            iso: RU
            ---

            The Russian Federation.

            """,
        [Court] = """
            ---
            name: "Central Court"
            native_name: "중앙재판소"
            country: north-korea
            type: court
            aliases:
              - "Supreme Court of the DPRK"
            names:
              - name: "Supreme Court"
                until: 2016
            website: "https://court.example.org/"
            sources:
              - id: kcna-court-2016
                url: "https://kcna.example.org/2016/court-renamed"
                title: "Supreme Court renamed Central Court"
                publisher: "KCNA"
                published: 2016-06
                kind: state-media
            ---

            The highest court of [[north-korea]], called the Supreme Court until 2016 [@kcna-court-2016].

            """,
        [RussianCourt] = """
            ---
            name: "Supreme Court of Russia"
            country: russia
            type: court
            ---

            The highest court of [[russia]] for civil, criminal and administrative cases.

            """,
        [Kim] = """
            ---
            name: "Kim Myong Gil"
            native_name: "김명길"
            aliases:
              - "Kim Myong-gil"
            country: north-korea
            positions:
              - institution: dprk-central-court
                title: "Vice President"
                from: 2019-06
                confidence: medium
                sources:
                  - kcna-kim-2019
                  - source: rg-courts-2019
                    quote: "Делегацию возглавил заместитель председателя Центрального суда КНДР Ким Мён Гиль."
                    translation: "The delegation was led by the Vice President of the DPRK Central Court, Kim Myong Gil."
                    locator: "paragraph 2"
            sources:
              - id: kcna-kim-2019
                url: "https://kcna.example.org/2019/06/delegation"
                title: "Delegation of Central Court leaves for Russia"
                publisher: "KCNA"
                published: 2019-06-12
                language: en
                accessed: 2024-01-05
                archive_url: "https://archive.example.org/kcna-2019-06"
                kind: state-media
            ---

            Kim Myong Gil led a delegation of the [[dprk-central-court]] to Moscow in June 2019 [@kcna-kim-2019].

            """,
        [Lebedev] = """
            ---
            name: "Vyacheslav Lebedev"
            native_name: "Вячеслав Лебедев"
            country: russia
            positions:
              - institution: russia-supreme-court
                id: chairman-1989
                title: "Chairman"
                from: 1989
                until: 2024-02
                sources:
                  - source: rg-courts-2019
                    quote: "Председатель Верховного суда России Вячеслав Лебедев"
                    translation: "The Chairman of the Supreme Court of Russia, Vyacheslav Lebedev"
            ---

            Chairman of the [[russia-supreme-court|Supreme Court of Russia]] for more than three decades.

            """,
        [Mou] = """
            ---
            title: "Memorandum of understanding between the Central Court and the Supreme Court of Russia"
            type: mou
            status: signed
            signed: 2019-06-14
            place: "Moscow"
            parties:
              - dprk-central-court
              - russia-supreme-court
            confidence: high
            corrections:
              - date: 2019-07-01
                note: "The memorandum was signed in Moscow, not in Pyongyang as first written [@tass-mou-2019]."
            sources:
              - id: tass-mou-2019
                url: "https://tass.example.org/2019/06/14/courts-mou"
                title: "Russian and North Korean supreme courts sign memorandum"
                publisher: "TASS"
                published: 2019-06-14
                kind: news
            ---

            Signed in Moscow by [[kim-myong-gil]] for the [[dprk-central-court]] [@tass-mou-2019]; North Korea's state
            media reported it the next day [@kcna-courts-2019].

            """,
        [Delegation] = """
            ---
            title: "Central Court delegation led by Kim Myong Gil visits Moscow"
            date: 2019-06-14
            updated: 2019-06-20
            summary: "A delegation of North Korea's Central Court visited Moscow in June 2019 and signed a memorandum with the Supreme Court of Russia."
            countries:
              - north-korea
            actors:
              - kim-myong-gil
              - dprk-central-court
              - russia-supreme-court
            agreements:
              - dprk-russia-court-mou-2019
            events:
              - date: 2019-06
                end: 2019-06-16
                type: delegation
                summary: "A Central Court delegation led by [[kim-myong-gil]] travels to Moscow."
                from: north-korea
                to: russia
                participants:
                  - kim-myong-gil
                  - dprk-central-court
                sources:
                  - kcna-delegation-2019
                  - source: rg-courts-2019
                    quote: "Делегация Центрального суда КНДР прибыла в Москву."
                    translation: "A delegation of the DPRK Central Court arrived in Moscow."
                confidence: high
              - date: 2019-06-14
                type: signing
                summary: "The two courts sign a memorandum of understanding."
                participants: [dprk-central-court, russia-supreme-court]
                sources:
                  - tass-signing-2019
                  - source: kcna-courts-2019
                    quote: "The Central Court and the Supreme Court of Russia signed a memorandum of understanding."
            tags:
              - courts
              - judicial-cooperation
            authors:
              - "Test Author"
            sources:
              - id: kcna-delegation-2019
                url: "https://kcna.example.org/2019/06/delegation"
                title: "Delegation of Central Court leaves for Russia"
                publisher: "KCNA"
                published: 2019-06-12
                kind: state-media
              - id: tass-signing-2019
                url: "https://tass.example.org/2019/06/14/courts-mou"
                title: "Russian and North Korean supreme courts sign memorandum"
                publisher: "TASS"
                published: 2019-06-14
                language: ru
                kind: news
              - id: nkn-analysis-2019
                url: "https://news.example.org/2019/06/analysis"
                title: "What the court memorandum means"
                publisher: "NK News"
                kind: news
            ---

            A delegation of the [[dprk-central-court]] led by [[kim-myong-gil]] arrived in Moscow in mid-June 2019 [@kcna-delegation-2019].

            On 14 June the court signed the [[dprk-russia-court-mou-2019|memorandum]] with the [[russia-supreme-court]] [@tass-signing-2019; @nkn-analysis-2019].

            """,
        [Trial] = """
            ---
            title: "Follow-up exchange between the courts"
            date: 2020-03-02
            summary: "Officials of the two supreme courts met again to review the 2019 memorandum."
            actors:
              - vyacheslav-lebedev
              - russia-supreme-court
            events:
              - date: 2020-02
                id: review-meeting
                type: meeting
                summary: "Court officials review the memorandum."
                participants:
                  - vyacheslav-lebedev
                sources:
                  - tass-review-2020
                  - source: kcna-courts-2019
                    quote: "The two sides agreed to review the memorandum's implementation."
                    locator: "last paragraph"
                confidence: low
            corrections:
              - date: 2020-03-05
                note: "The meeting was in February 2020, not in March [@tass-review-2020]."
            sources:
              - id: tass-review-2020
                url: "https://tass.example.org/2020/03/review"
                title: "Courts review cooperation"
                publisher: "TASS"
            ---

            [[vyacheslav-lebedev]] received officials from [[north-korea]] to review the [[dprk-russia-court-mou-2019]] [@tass-review-2020].

            """,
        [KcnaSource] = """
            ---
            url: "https://kcna.example.org/2019/06/15/courts-memorandum"
            title: "Central Court and Supreme Court of Russia sign memorandum"
            publisher: "KCNA"
            published: 2019-06-15
            language: en
            accessed: 2024-01-05
            kind: state-media
            ---

            The report of North Korea's state news agency, which speaks for the government: it names the signatories
            but not what the memorandum holds.

            """,
        [RgSource] = """
            ---
            url: "https://rg.example.org/2019/06/17/sudy-rossii-i-kndr"
            title: "Верховные суды России и КНДР подписали меморандум"
            publisher: "Rossiyskaya Gazeta"
            published: 2019-06-17
            author: "Test Correspondent"
            language: ru
            kind: news
            ---

            The Russian government's daily, which publishes official documents; its report names both delegations.

            """,
        [About] = """
            ---
            title: "About these briefings"
            summary: "Who writes the test briefings, and why."
            ---

            A small archive written by the tests about the [[dprk-central-court]] and its partners.

            """,
        [Methodology] = """
            ---
            title: "Methodology"
            ---

            Every fact rests on a source, with the words that support it. State media such as KCNA
            [@kcna-courts-2019] are marked as such.

            """,
    };

    public string Root { get; }

    public ArchiveFixture()
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "briefings-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        foreach (var (path, text) in ValidFiles) Write(path, text);
    }

    /// <summary>The full path of a file of the archive.</summary>
    public string Path(string relative) => System.IO.Path.Combine(Root, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    /// <summary>The path a diagnostic shows for a file of the archive.</summary>
    public string Shown(string relative) => ArchiveReader.Display(Path(relative));

    public string Read(string relative) => File.ReadAllText(Path(relative));

    /// <summary>Writes (adds or overwrites) a file as UTF-8 without a byte-order mark.</summary>
    public void Write(string relative, string text) => WriteBytes(relative, new UTF8Encoding(false).GetBytes(text));

    public void WriteBytes(string relative, byte[] bytes)
    {
        var full = Path(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    public void Remove(string relative) => File.Delete(Path(relative));

    /// <summary>Replaces the one occurrence of <paramref name="old"/> in a file; fails if it is not there exactly once.</summary>
    public void Replace(string relative, string old, string replacement)
    {
        var text = Read(relative);
        int at = text.IndexOf(old, StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(old, at + 1, StringComparison.Ordinal) >= 0)
            throw new InvalidOperationException($"'{old}' is not in {relative} exactly once");
        Write(relative, text[..at] + replacement + text[(at + old.Length)..]);
    }

    /// <summary>Replaces the whole line that equals <paramref name="oldLine"/> (ignoring surrounding spaces), keeping its indentation
    /// when <paramref name="newLine"/> has none. <paramref name="newLine"/> may hold several lines.</summary>
    public void ReplaceLine(string relative, string oldLine, string newLine)
    {
        var lines = Read(relative).Split('\n').ToList();
        var hits = lines.Select((l, i) => (l, i)).Where(x => x.l.Trim() == oldLine.Trim()).ToList();
        if (hits.Count != 1) throw new InvalidOperationException($"line '{oldLine}' is in {relative} {hits.Count} times, not once");
        var (line, index) = hits[0];
        var indent = line[..(line.Length - line.TrimStart().Length)];
        lines[index] = newLine.StartsWith(' ') ? newLine : indent + newLine;
        Write(relative, string.Join('\n', lines));
    }

    /// <summary>Inserts lines after the line that equals <paramref name="afterLine"/> (ignoring surrounding spaces).</summary>
    public void InsertAfter(string relative, string afterLine, string newLines)
    {
        var lines = Read(relative).Split('\n').ToList();
        int index = lines.FindIndex(l => l.Trim() == afterLine.Trim());
        if (index < 0) throw new InvalidOperationException($"line '{afterLine}' is not in {relative}");
        lines.Insert(index + 1, newLines);
        Write(relative, string.Join('\n', lines));
    }

    /// <summary>The 1-based line and column where <paramref name="needle"/> starts in a file (its
    /// <paramref name="occurrence"/>-th occurrence), as an editor shows them.</summary>
    public (int Line, int Column) Find(string relative, string needle, int occurrence = 1) => Locate(Read(relative), needle, occurrence);

    public static (int Line, int Column) Locate(string text, string needle, int occurrence = 1)
    {
        text = text.Replace("\r\n", "\n");
        int at = -1;
        for (int n = 0; n < occurrence; n++)
        {
            at = text.IndexOf(needle, at + 1, StringComparison.Ordinal);
            if (at < 0) throw new InvalidOperationException($"'{needle}' occurs fewer than {occurrence} times");
        }
        int lineStart = at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;
        int line = 1 + text.AsSpan(0, at).Count('\n');
        return (line, at - lineStart + 1);
    }

    /// <summary>Runs <c>briefings check --input ROOT</c> with extra arguments, capturing what it prints.</summary>
    public CheckRun Check(params string[] extra)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Cli.Cli.Run(["check", "--input", Root, .. extra], stdout, stderr);
        return new CheckRun(code, stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
