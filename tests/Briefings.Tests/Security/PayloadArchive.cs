using System.Text;
using Briefings.Markdown;
using Briefings.Reading;

namespace Briefings.Tests.Security;

/// <summary>Writes an archive in which every payload sits in every free-text field a contributor controls, and in
/// every position of a Markdown body: payload N is the name, title, summary, alias, source title, publisher and
/// author, former name, position title, place, author of a briefing, [[id|text]], event summary, and the text,
/// link URL, image URL, autolink and reference definition of the bodies of c-N, inst-N, p-N, agr-N and b-N.
/// URL fields hold real http(s) URLs, with the payload appended where that still makes one.</summary>
public static class PayloadArchive
{
    public const string SiteTitle = "Payload test \"site\" <script>window.__xss=1</script> {{ 7*7 }}";
    public const string SiteDescription = "</title><img src=x onerror=window.__xss=1> {% raw %}";

    public static string Country(int n) => $"c-{n}";
    public static string Institution(int n) => $"inst-{n}";
    public static string Person(int n) => $"p-{n}";
    public static string Agreement(int n) => $"agr-{n}";
    public static string Briefing(int n) => $"b-{n}";

    public static void Write(string root, IReadOnlyList<Payload> payloads)
    {
        File.WriteAllText(Path.Combine(root, "site.yml"), $"""
            title: {Payloads.Yaml(SiteTitle)}
            description: {Payloads.Yaml(SiteDescription)}
            base_url: "https://briefings.example.org"
            language: en

            """);
        foreach (var p in payloads)
        {
            int n = p.Number;
            var t = Payloads.Yaml(p.Text);
            WriteFile(root, $"countries/{Country(n)}.md", $"""
                name: {t}
                native_name: {t}
                iso: KP
                aliases:
                  - {t}
                {Sources(p)}
                """, Body(p));
            WriteFile(root, $"institutions/{Institution(n)}.md", $"""
                name: {t}
                native_name: {t}
                country: {Country(n)}
                type: court
                aliases: [{t}]
                names:
                  - name: {t}
                    until: 2016
                website: "https://court.example.org/{n}"
                {Sources(p)}
                """, Body(p));
            WriteFile(root, $"people/{Person(n)}.md", $"""
                name: {t}
                native_name: {t}
                aliases:
                  - {t}
                country: {Country(n)}
                positions:
                  - institution: {Institution(n)}
                    title: {t}
                    from: 2019
                    sources: [src]
                {Sources(p)}
                """, Body(p));
            WriteFile(root, $"agreements/{Agreement(n)}.md", $"""
                title: {t}
                type: mou
                status: signed
                signed: 2019-06
                place: {t}
                parties: [{Institution(n)}, {Person(n)}]
                {Sources(p)}
                """, Body(p));
            WriteFile(root, $"briefings/2019/{Briefing(n)}.md", $"""
                title: {t}
                date: 2019-{1 + n % 12:D2}-{1 + n % 28:D2}
                summary: {t}
                countries: [{Country(n)}]
                actors: [{Person(n)}, {Institution(n)}]
                agreements: [{Agreement(n)}]
                events:
                  - date: 2019-06
                    type: meeting
                    summary: {t}
                    participants: [{Person(n)}]
                    sources: [src]
                  - date: 2019-07
                    type: statement
                    summary: {Payloads.Yaml($"[[{Person(n)}|{p.Text}]] said {p.Text} [@src]")}
                    sources: [src]
                tags: [{p.Category}]
                authors: [{t}]
                {Sources(p)}
                """, Body(p));
        }
    }

    private static void WriteFile(string root, string relative, string frontMatter, string body)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"---\n{frontMatter}\n---\n{body}", new UTF8Encoding(false));
    }

    /// <summary>The source list: one plain source, and one whose URLs carry the payload when that is still an
    /// absolute http(s) URL (it then reaches href attributes and must stay inside them).</summary>
    private static string Sources(Payload p)
    {
        var t = Payloads.Yaml(p.Text);
        var sb = new StringBuilder($"""
            sources:
              - id: src
                url: "https://news.example.org/{p.Number}"
                title: {t}
                publisher: {t}
                author: {t}
                published: 2019-06
                archive_url: "https://archive.example.org/{p.Number}"
            """);
        var url = "https://news.example.org/" + p.Text;
        if (UrlPolicy.IsAbsoluteHttp(url))
            sb.Append($"""

              - id: src-url
                url: {Payloads.Yaml(url)}
                title: "Source with a hostile URL"
                publisher: "Example"
                archive_url: {Payloads.Yaml(url)}
            """);
        return sb.ToString();
    }

    /// <summary>A body with the payload as text, as a mention's text, as the URL of a link, an image, an autolink and
    /// a reference definition, and alone on a line (where raw HTML starts a block).</summary>
    public static string Body(Payload p) => $"""

        Text {p.Text} end.

        Mention [[{Person(p.Number)}|{p.Text}]] and a citation [@src].

        A [link]({p.Text}), an ![image]({p.Text}), an autolink <{p.Text}> and a [reference][r].

        [r]: {p.Text}

        {p.Text}

        Last paragraph.

        """;
}
