using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Briefings.Corpus;

/// <summary>
/// Writes the same archive as a Hugo site, so the benchmark can compare like with like: one page per
/// briefing, one term page per entity (countries, institutions, people, agreements, tags) listing its
/// briefings, section and taxonomy list pages, RSS, sitemap, robots.txt, 404 and a JSON search index.
/// Layouts use the classic layouts/_default/ structure, which Debian's Hugo (0.111) needs and newer
/// Hugo (0.146+) still accepts. A single page lists its terms with site.GetPage rather than .GetTerms:
/// in Hugo 0.111 .GetTerms scans the whole taxonomy on every call (10 ms a page at 10,000 briefings,
/// most of the build), which would measure a Hugo quirk rather than the work.
/// </summary>
public static partial class HugoWriter
{
    public static readonly string[] Owned = ["hugo.toml", "content", "layouts", "public", "resources", ".hugo_build.lock"];

    [GeneratedRegex(@"\[\[([a-z0-9]+(?:-[a-z0-9]+)*)(?:\|([^\]]+))?\]\]")]
    private static partial Regex MentionRx();

    [GeneratedRegex(@"\[@([^\]]+)\]")]
    private static partial Regex CitationRx();

    public static int Write(Archive a, string dir)
    {
        Output.Clear(dir, Owned);
        int files = 0;
        var sb = new StringBuilder(8192);

        sb.Append("baseURL = ").Append(Q(a.BaseUrl)).Append('\n');
        sb.Append("title = ").Append(Q(a.Title)).Append('\n');
        sb.Append("languageCode = ").Append(Q(a.Language)).Append('\n');
        sb.Append("enableRobotsTXT = true\n");
        sb.Append("rssLimit = 50\n");
        sb.Append("\n[params]\ndescription = ").Append(Q(a.Description)).Append('\n');
        sb.Append("\n[taxonomies]\ncountry = \"countries\"\ninstitution = \"institutions\"\nperson = \"people\"\nagreement = \"agreements\"\ntag = \"tags\"\n");
        sb.Append("\n[outputs]\nhome = [\"HTML\", \"RSS\", \"JSON\"]\n");
        ArchiveWriter.Save(Path.Combine(dir, "hugo.toml"), sb);
        files++;

        foreach (var (path, text) in Layouts)
        {
            sb.Clear().Append(text);
            ArchiveWriter.Save(Path.Combine(dir, "layouts", path), sb);
            files++;
        }

        string content = Path.Combine(dir, "content");
        files += Index(sb, Path.Combine(content, "_index.md"), a.Title);
        files += Index(sb, Path.Combine(content, "briefings", "_index.md"), "Briefings");
        foreach (var (plural, title) in (ReadOnlySpan<(string, string)>)[("countries", "Countries"), ("institutions", "Institutions"), ("people", "People"), ("agreements", "Agreements"), ("tags", "Tags")])
            files += Index(sb, Path.Combine(content, plural, "_index.md"), title);

        var entities = a.AllEntities().OrderBy(e => e.Kind).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        files += ArchiveWriter.ForEach(entities, (e, sb) =>
        {
            sb.Append("---\ntitle: ").Append(Yaml.Q(e.Name)).Append('\n');
            if (e is CountryEntity c) sb.Append("iso: ").Append(c.Iso).Append('\n');
            if (e is InstitutionEntity i) sb.Append("institution_type: ").Append(i.Type).Append('\n'); // "type" would set Hugo's content type
            sb.Append("---\n\n");
            Body(sb, a, e.Body, e.Sources);
            ArchiveWriter.Save(Path.Combine(content, Kinds.Plural(e.Kind), e.Id, "_index.md"), sb);
        });
        files += ArchiveWriter.ForEach(a.Briefings, (b, sb) =>
        {
            Briefing(sb, a, b);
            ArchiveWriter.Save(Path.Combine(content, "briefings", b.Id + ".md"), sb);
        });
        return files;
    }

    private static int Index(StringBuilder sb, string path, string title)
    {
        sb.Clear().Append("---\ntitle: ").Append(Yaml.Q(title)).Append("\n---\n");
        ArchiveWriter.Save(path, sb);
        return 1;
    }

    private static void Briefing(StringBuilder sb, Archive a, Briefing b)
    {
        // The contract adds the countries of a briefing's actors to its own list; Hugo needs that spelled out.
        var countries = new SortedSet<string>(b.Countries, StringComparer.Ordinal);
        var institutions = new List<string>();
        var people = new List<string>();
        foreach (string id in b.Actors)
        {
            switch (a.ById[id])
            {
                case InstitutionEntity i: institutions.Add(i.Id); countries.Add(i.Country); break;
                case PersonEntity p: people.Add(p.Id); if (p.Country is not null) countries.Add(p.Country); break;
            }
        }
        institutions.Sort(StringComparer.Ordinal);
        people.Sort(StringComparer.Ordinal);

        sb.Append("---\n");
        sb.Append("title: ").Append(Yaml.Q(b.Title)).Append('\n');
        sb.Append("date: ").Append(b.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        if (b.Updated is { } u) sb.Append("lastmod: ").Append(u.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("summary: ").Append(Yaml.Q(b.Summary)).Append('\n');
        Yaml.List(sb, "countries", countries.ToList(), quote: false);
        Yaml.List(sb, "institutions", institutions, quote: false);
        Yaml.List(sb, "people", people, quote: false);
        Yaml.List(sb, "agreements", b.Agreements, quote: false);
        Yaml.List(sb, "tags", b.Tags, quote: false);
        Yaml.List(sb, "authors", b.Authors, quote: true);
        if (b.Events.Count > 0)
        {
            sb.Append("events:\n");
            foreach (var ev in b.Events)
            {
                sb.Append("  - date: ").Append(Yaml.Q(ev.Date)).Append('\n');
                sb.Append("    type: ").Append(ev.Type).Append('\n');
                sb.Append("    summary: ").Append(Yaml.Q(ev.Summary)).Append('\n');
            }
        }
        sb.Append("---\n\n");
        Body(sb, a, b.Body, b.Sources);
    }

    /// <summary>Mentions become Markdown links to term pages; citations become footnotes listing the sources.</summary>
    private static void Body(StringBuilder sb, Archive a, string body, List<Source> sources)
    {
        string text = MentionRx().Replace(body, m =>
        {
            var e = a.ById[m.Groups[1].Value];
            string label = m.Groups[2].Success ? m.Groups[2].Value : e.Name;
            return $"[{label}](/{Kinds.Plural(e.Kind)}/{e.Id}/)";
        });
        text = CitationRx().Replace(text, m =>
            string.Concat(m.Groups[1].Value.Split(';').Select(s => $"[^{s.Trim().TrimStart('@')}]")));
        sb.Append(text);
        if (sources.Count == 0) return;
        sb.Append('\n');
        foreach (var s in sources)
        {
            sb.Append("[^").Append(s.Id).Append("]: [").Append(s.Title).Append("](").Append(s.Url).Append("), ").Append(s.Publisher);
            if (s.Published is not null) sb.Append(", ").Append(s.Published);
            sb.Append(".\n");
        }
    }

    private static string Q(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static readonly (string Path, string Text)[] Layouts =
    [
        ("_default/baseof.html", """
            <!DOCTYPE html>
            <html lang="{{ site.LanguageCode | default "en" }}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} · {{ site.Title }}{{ end }}</title>
            <meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ site.Params.description }}{{ end }}">
            <link rel="canonical" href="{{ .Permalink }}">
            {{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}" title="{{ site.Title }}">{{ end }}
            </head>
            <body>
            <header><a href="{{ "" | relURL }}">{{ site.Title }}</a>
            <nav><a href="{{ "briefings/" | relURL }}">Briefings</a>{{ range $plural, $_ := site.Taxonomies }} <a href="{{ printf "%s/" $plural | relURL }}">{{ $plural | humanize }}</a>{{ end }}</nav>
            </header>
            <main>{{ block "main" . }}{{ end }}</main>
            <footer><p>{{ site.Title }}</p></footer>
            </body>
            </html>

            """),
        ("partials/item.html", """
            <li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time><p>{{ .Params.summary }}</p></li>

            """),
        ("index.html", """
            {{ define "main" }}
            <h1>{{ site.Title }}</h1>
            <p>{{ site.Params.description }}</p>
            <h2>Latest briefings</h2>
            <ul>{{ range first 20 (where site.RegularPages "Section" "briefings") }}{{ partial "item.html" . }}{{ end }}</ul>
            <h2>Indexes</h2>
            <ul>{{ range $plural, $terms := site.Taxonomies }}<li><a href="{{ printf "%s/" $plural | relURL }}">{{ $plural | humanize }}</a> ({{ len $terms }})</li>{{ end }}</ul>
            {{ end }}

            """),
        ("index.json", """
            [{{ range $i, $p := where site.RegularPages "Section" "briefings" }}{{ if $i }},{{ end }}{{ dict "title" $p.Title "url" $p.RelPermalink "date" ($p.Date.Format "2006-01-02") "summary" $p.Params.summary | jsonify }}{{ end }}]

            """),
        ("_default/single.html", """
            {{ define "main" }}
            <article>
            <h1>{{ .Title }}</h1>
            <p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>{{ with .Params.authors }} · {{ delimit . ", " }}{{ end }}</p>
            <p>{{ .Params.summary }}</p>
            {{ .Content }}
            {{ with .Params.events }}<h2>Events</h2><ul>{{ range . }}<li>{{ .date }} {{ .type }}: {{ .summary | markdownify }}</li>{{ end }}</ul>{{ end }}
            <aside>
            {{ range $plural, $_ := site.Taxonomies }}{{ with index $.Params $plural }}<h2>{{ $plural | humanize }}</h2><ul>{{ range . }}{{ with site.GetPage (printf "/%s/%s" $plural .) }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}{{ end }}</ul>{{ end }}{{ end }}
            </aside>
            </article>
            {{ end }}

            """),
        ("_default/list.html", """
            {{ define "main" }}
            <h1>{{ .Title }}</h1>
            {{ .Content }}
            <ul>{{ range .Pages }}{{ partial "item.html" . }}{{ end }}</ul>
            {{ end }}

            """),
        ("_default/taxonomy.html", """
            {{ define "main" }}
            <h1>{{ .Title }}</h1>
            {{ .Content }}
            <ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> ({{ .Count }})</li>{{ end }}</ul>
            {{ end }}

            """),
        ("_default/term.html", """
            {{ define "main" }}
            <h1>{{ .Title }}</h1>
            {{ .Content }}
            <h2>Briefings</h2>
            <ul>{{ range .Pages }}{{ partial "item.html" . }}{{ end }}</ul>
            {{ end }}

            """),
        ("404.html", """
            {{ define "main" }}
            <h1>Page not found</h1>
            <p><a href="{{ "" | relURL }}">{{ site.Title }}</a></p>
            {{ end }}

            """),
    ];
}
