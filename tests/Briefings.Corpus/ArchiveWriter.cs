using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Briefings.Corpus;

/// <summary>Writes an <see cref="Archive"/> in the content format of /work/shared/design/content-format.md.</summary>
public static class ArchiveWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The paths under the output folder that this writer owns (and clears first).</summary>
    public static readonly string[] Owned = ["site.yml", "briefings", "countries", "institutions", "people", "agreements"];

    public static int Write(Archive a, string dir)
    {
        Output.Clear(dir, Owned);
        int files = 0;
        var sb = new StringBuilder(8192);
        sb.Append("title: ").Append(Yaml.Q(a.Title)).Append('\n');
        sb.Append("description: ").Append(Yaml.Q(a.Description)).Append('\n');
        sb.Append("base_url: ").Append(a.BaseUrl).Append('\n');
        sb.Append("language: ").Append(a.Language).Append('\n');
        Save(Path.Combine(dir, "site.yml"), sb);
        files++;

        var entities = a.AllEntities().OrderBy(e => e.Kind).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        files += ForEach(entities, (e, b) =>
        {
            EntityFile(b, e);
            Save(Path.Combine(dir, Kinds.Plural(e.Kind), e.Id + ".md"), b);
        });
        files += ForEach(a.Briefings, (br, b) =>
        {
            BriefingFile(b, br);
            Save(Path.Combine(dir, "briefings", br.Date.Year.ToString("D4", CultureInfo.InvariantCulture), br.Id + ".md"), b);
        });
        return files;
    }

    /// <summary>
    /// Runs <paramref name="write"/> for every item on all cores, each call with a cleared buffer.
    /// Every file's bytes depend only on its item, so the result does not depend on the order.
    /// </summary>
    internal static int ForEach<T>(IReadOnlyList<T> items, Action<T, StringBuilder> write)
    {
        Parallel.ForEach(
            Partitioner.Create(0, items.Count, 256),
            () => new StringBuilder(8192),
            (range, _, sb) =>
            {
                for (int i = range.Item1; i < range.Item2; i++)
                {
                    sb.Clear();
                    write(items[i], sb);
                }
                return sb;
            },
            _ => { });
        return items.Count;
    }

    internal static void Save(string path, StringBuilder sb)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, sb.ToString(), Utf8);
    }

    private static void EntityFile(StringBuilder sb, Entity e)
    {
        sb.Append("---\n");
        switch (e)
        {
            case CountryEntity c:
                sb.Append("name: ").Append(Yaml.Q(c.Name)).Append('\n');
                sb.Append("iso: ").Append(c.Iso).Append('\n');
                if (c.NativeName is not null) sb.Append("native_name: ").Append(Yaml.Q(c.NativeName)).Append('\n');
                Yaml.List(sb, "aliases", c.Aliases, quote: true);
                break;
            case InstitutionEntity i:
                sb.Append("name: ").Append(Yaml.Q(i.Name)).Append('\n');
                if (i.NativeName is not null) sb.Append("native_name: ").Append(Yaml.Q(i.NativeName)).Append('\n');
                Yaml.List(sb, "aliases", i.Aliases, quote: true);
                sb.Append("country: ").Append(i.Country).Append('\n');
                sb.Append("type: ").Append(i.Type).Append('\n');
                if (i.Parent is not null) sb.Append("parent: ").Append(i.Parent).Append('\n');
                if (i.Names.Count > 0)
                {
                    sb.Append("names:\n");
                    foreach (var n in i.Names)
                    {
                        sb.Append("  - name: ").Append(Yaml.Q(n.Name)).Append('\n');
                        if (n.From is not null) sb.Append("    from: ").Append(n.From).Append('\n');
                        if (n.Until is not null) sb.Append("    until: ").Append(n.Until).Append('\n');
                    }
                }
                if (i.Website is not null) sb.Append("website: ").Append(i.Website).Append('\n');
                break;
            case PersonEntity p:
                sb.Append("name: ").Append(Yaml.Q(p.Name)).Append('\n');
                if (p.NativeName is not null) sb.Append("native_name: ").Append(Yaml.Q(p.NativeName)).Append('\n');
                Yaml.List(sb, "aliases", p.Aliases, quote: true);
                if (p.Country is not null) sb.Append("country: ").Append(p.Country).Append('\n');
                if (p.Positions.Count > 0)
                {
                    sb.Append("positions:\n");
                    foreach (var pos in p.Positions)
                    {
                        sb.Append("  - institution: ").Append(pos.Institution).Append('\n');
                        sb.Append("    title: ").Append(Yaml.Q(pos.Title)).Append('\n');
                        if (pos.From is not null) sb.Append("    from: ").Append(pos.From).Append('\n');
                        if (pos.Until is not null) sb.Append("    until: ").Append(pos.Until).Append('\n');
                        if (pos.Confidence is not null) sb.Append("    confidence: ").Append(pos.Confidence).Append('\n');
                        Yaml.List(sb, "sources", pos.Sources, quote: false, indent: "    ");
                    }
                }
                break;
            case AgreementEntity g:
                sb.Append("title: ").Append(Yaml.Q(g.Name)).Append('\n');
                sb.Append("type: ").Append(g.Type).Append('\n');
                sb.Append("status: ").Append(g.Status).Append('\n');
                if (g.Signed is not null) sb.Append("signed: ").Append(g.Signed).Append('\n');
                if (g.Place is not null) sb.Append("place: ").Append(Yaml.Q(g.Place)).Append('\n');
                Yaml.List(sb, "parties", g.Parties, quote: false);
                if (g.Confidence is not null) sb.Append("confidence: ").Append(g.Confidence).Append('\n');
                break;
        }
        Yaml.List(sb, "former_ids", e.FormerIds, quote: false);
        Sources(sb, e.Sources);
        sb.Append("---\n\n").Append(e.Body);
    }

    private static void BriefingFile(StringBuilder sb, Briefing b)
    {
        sb.Append("---\n");
        sb.Append("title: ").Append(Yaml.Q(b.Title)).Append('\n');
        sb.Append("date: ").Append(b.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        if (b.Updated is { } u) sb.Append("updated: ").Append(u.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("summary: ").Append(Yaml.Q(b.Summary)).Append('\n');
        Yaml.List(sb, "countries", b.Countries, quote: false);
        Yaml.List(sb, "actors", b.Actors, quote: false);
        Yaml.List(sb, "agreements", b.Agreements, quote: false);
        if (b.Events.Count > 0)
        {
            sb.Append("events:\n");
            foreach (var ev in b.Events)
            {
                sb.Append("  - date: ").Append(ev.Date).Append('\n');
                if (ev.End is not null) sb.Append("    end: ").Append(ev.End).Append('\n');
                sb.Append("    type: ").Append(ev.Type).Append('\n');
                sb.Append("    summary: ").Append(Yaml.Q(ev.Summary)).Append('\n');
                if (ev.From is not null) sb.Append("    from: ").Append(ev.From).Append('\n');
                if (ev.To is not null) sb.Append("    to: ").Append(ev.To).Append('\n');
                Yaml.List(sb, "participants", ev.Participants, quote: false, indent: "    ");
                Yaml.List(sb, "sources", ev.Sources, quote: false, indent: "    ");
                if (ev.Confidence is not null) sb.Append("    confidence: ").Append(ev.Confidence).Append('\n');
            }
        }
        Yaml.List(sb, "tags", b.Tags, quote: false);
        Yaml.List(sb, "authors", b.Authors, quote: true);
        Sources(sb, b.Sources);
        sb.Append("---\n\n").Append(b.Body);
    }

    private static void Sources(StringBuilder sb, List<Source> sources)
    {
        if (sources.Count == 0) return;
        sb.Append("sources:\n");
        foreach (var s in sources)
        {
            sb.Append("  - id: ").Append(s.Id).Append('\n');
            sb.Append("    url: ").Append(s.Url).Append('\n');
            sb.Append("    title: ").Append(Yaml.Q(s.Title)).Append('\n');
            sb.Append("    publisher: ").Append(Yaml.Q(s.Publisher)).Append('\n');
            if (s.Published is not null) sb.Append("    published: ").Append(s.Published).Append('\n');
            if (s.Author is not null) sb.Append("    author: ").Append(Yaml.Q(s.Author)).Append('\n');
            if (s.Language is not null) sb.Append("    language: ").Append(s.Language).Append('\n');
            if (s.Accessed is not null) sb.Append("    accessed: ").Append(s.Accessed).Append('\n');
            if (s.ArchiveUrl is not null) sb.Append("    archive_url: ").Append(s.ArchiveUrl).Append('\n');
            if (s.SourceKind is not null) sb.Append("    kind: ").Append(s.SourceKind).Append('\n');
        }
    }
}

internal static class Yaml
{
    /// <summary>A double-quoted YAML scalar.</summary>
    public static string Q(string s)
    {
        if (s.Contains('\\') || s.Contains('"'))
            s = s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        return "\"" + s + "\"";
    }

    public static void List(StringBuilder sb, string key, IReadOnlyList<string> items, bool quote, string indent = "")
    {
        if (items.Count == 0) return;
        sb.Append(indent).Append(key).Append(":\n");
        foreach (string item in items)
            sb.Append(indent).Append("  - ").Append(quote ? Q(item) : item).Append('\n');
    }
}

internal static class Output
{
    /// <summary>Removes the given files or folders under <paramref name="dir"/> (and nothing else), then makes sure <paramref name="dir"/> exists.</summary>
    public static void Clear(string dir, IEnumerable<string> owned)
    {
        foreach (string name in owned)
        {
            string p = Path.Combine(dir, name);
            if (Directory.Exists(p)) Directory.Delete(p, recursive: true);
            else if (File.Exists(p)) File.Delete(p);
        }
        Directory.CreateDirectory(dir);
    }
}
