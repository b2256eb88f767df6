using System.Globalization;
using System.Text;
using static Briefings.Corpus.Lexicon;

namespace Briefings.Corpus;

/// <summary>Builds the whole archive in memory from a seed. Every choice comes from <see cref="Rng"/>.</summary>
public sealed class Builder
{
    private static readonly DateOnly First = new(2000, 1, 1);
    private static readonly DateOnly Last = new(2025, 12, 31);

    private readonly ulong _seed;
    private readonly HashSet<string> _usedIds = new(StringComparer.Ordinal);
    private readonly Archive _a;
    private readonly Dictionary<string, List<InstitutionEntity>> _institutionsByCountry = new(StringComparer.Ordinal);

    private Builder(ulong seed)
    {
        _seed = seed;
        _a = new Archive
        {
            Title = "Briefings: North Korea's courts and security ministries (synthetic corpus)",
            Description = "A generated archive for benchmarks and tests: pseudo-English briefings with sourced facts.",
            BaseUrl = "https://briefings.example.org/",
            Language = "en",
        };
    }

    public static Archive Build(int briefings, ulong seed)
    {
        var b = new Builder(seed);
        b.BuildCountries();
        b.BuildInstitutions(Math.Max(5, briefings / 10));
        b.BuildPeople(Math.Max(5, briefings / 5));
        b.BuildAgreements(Math.Max(2, briefings / 20));
        b.BuildBriefings(briefings);
        return b._a;
    }

    // ---------------------------------------------------------------- helpers

    public static string Slug(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool dash = false;
        foreach (char ch0 in s)
        {
            if (ch0 == '\'' || ch0 == '’') continue;
            char ch = char.ToLowerInvariant(ch0);
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (dash && sb.Length > 0) sb.Append('-');
                sb.Append(ch);
                dash = false;
            }
            else
            {
                dash = true;
            }
        }
        return sb.ToString();
    }

    /// <summary>Cuts an id to at most <paramref name="max"/> characters at a hyphen.</summary>
    private static string Cut(string id, int max)
    {
        if (id.Length <= max) return id;
        int i = id.LastIndexOf('-', max);
        return i > 0 ? id[..i] : id[..max];
    }

    private string Claim(params string[] candidates)
    {
        foreach (string c0 in candidates)
        {
            string c = Cut(c0, 74);
            if (c.Length > 0 && _usedIds.Add(c)) return c;
        }
        string stem = Cut(candidates[0], 74);
        for (int n = 2; ; n++)
        {
            string c = $"{stem}-{n}";
            if (_usedIds.Add(c)) return c;
        }
    }

    private static string Full(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Partial(Rng r, DateOnly d, double pFull, double pMonth)
    {
        double x = r.NextDouble();
        if (x < pFull) return Full(d);
        if (x < pFull + pMonth) return d.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return d.Year.ToString(CultureInfo.InvariantCulture);
    }

    private static DateOnly RandomDate(Rng r) => First.AddDays(r.Next(Last.DayNumber - First.DayNumber + 1));

    private static DateOnly Clamp(DateOnly d) => d < First ? First : d > Last ? Last : d;

    private static string Cap(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string Acronym(string name)
    {
        var sb = new StringBuilder();
        foreach (string w in name.Split(' '))
            if (w.Length > 0 && char.IsUpper(w[0])) sb.Append(w[0]);
        return sb.ToString();
    }

    private static int PickDistinct(Rng r, int n, ICollection<int> taken, double power)
    {
        for (int i = 0; i < 30; i++)
        {
            int k = r.Skewed(n, power);
            if (!taken.Contains(k)) return k;
        }
        for (int k = r.Next(n), i = 0; i < n; i++, k = (k + 1) % n)
            if (!taken.Contains(k)) return k;
        throw new InvalidOperationException("not enough items to pick from");
    }

    private static string Headline(Rng r, string topic) =>
        $"{Cap(r.Pick(Adjectives))} {r.Pick(Nouns)} {r.Pick(Verbs)} {r.Pick(Prepositions)} {topic}";

    /// <summary>A source with an id unique in <paramref name="taken"/>, published on or before <paramref name="before"/>.</summary>
    private static Source MakeSource(Rng r, HashSet<string> taken, DateOnly before, string topic)
    {
        string[] p = r.Pick(Publishers).Split('|');
        (string name, string domain, string kind, string stem, string lang) = (p[0], p[1], p[2], p[3], p[4]);
        DateOnly published = Clamp(before.AddDays(-r.Next(45)));
        string id = $"{stem}-{published.Year}";
        for (int n = 2; !taken.Add(id); n++) id = $"{stem}-{published.Year}-{n}";
        string title = Headline(r, topic);
        string url = $"https://{domain}/{published:yyyy}/{published:MM}/{Cut(Slug(title), 60)}-{r.Between(10000, 99999)}";
        return new Source
        {
            Id = id,
            Url = url,
            Title = title,
            Publisher = name,
            Published = Partial(r, published, 0.85, 0.1),
            Author = r.Chance(0.35) ? r.Pick(Authors) : null,
            Language = lang != "en" && r.Chance(0.3) ? lang : null,
            Accessed = r.Chance(0.4) ? Full(Clamp(before.AddDays(r.Next(5)))) : null,
            ArchiveUrl = r.Chance(0.25) ? $"https://web.archive.org/web/{published:yyyyMMdd}000000/{url}" : null,
            SourceKind = kind,
        };
    }

    private static string Mention(Entity e) => $"[[{e.Id}]]";

    private static string Cite(params Source[] s) => "[@" + string.Join("; @", s.Select(x => x.Id)) + "]";

    /// <summary>A short entity body: one or two paragraphs, each mention used once, each source cited.</summary>
    private static string EntityBody(Rng r, IReadOnlyList<string> mentions, IReadOnlyList<Source> sources)
    {
        var sb = new StringBuilder();
        int paragraphs = mentions.Count + sources.Count > 2 ? 2 : 1;
        for (int i = 0; i < paragraphs; i++)
        {
            if (i > 0) sb.Append("\n\n");
            var m = mentions.Where((_, k) => k % paragraphs == i).ToList();
            var c = sources.Where((_, k) => k % paragraphs == i).Select(s => Cite(s)).ToList();
            Prose.Paragraph(r, sb, r.Between(40, 70), m, c);
        }
        sb.Append('\n');
        return sb.ToString();
    }

    private void Add(Entity e) => _a.ById.Add(e.Id, e);

    // ---------------------------------------------------------------- countries

    private void BuildCountries()
    {
        for (int i = 0; i < Countries.Length; i++)
        {
            var c = Countries[i];
            var r = Rng.For(_seed, 1, (ulong)i);
            _usedIds.Add(c.Id);
            var e = new CountryEntity { Id = c.Id, Name = c.Name, Iso = c.Iso, NativeName = c.NativeName, Style = c.Style };
            if (c.Id == "north-korea") e.Aliases.AddRange(["DPRK", "Democratic People's Republic of Korea"]);
            if (c.Id == "south-korea") e.Aliases.AddRange(["ROK", "Republic of Korea"]);
            if (r.Chance(0.5))
            {
                var taken = new HashSet<string>(StringComparer.Ordinal);
                e.Sources.Add(MakeSource(r, taken, RandomDate(r), "the justice system of " + c.Name));
            }
            e.Body = EntityBody(r, [], e.Sources);
            _a.Countries.Add(e);
            Add(e);
            _institutionsByCountry[c.Id] = [];
        }
    }

    private CountryEntity PickCountry(Rng r) =>
        // About a third of everything is North Korean; the rest falls off along the list.
        r.Chance(0.35) ? _a.Countries[0] : _a.Countries[r.Skewed(_a.Countries.Count, 1.8)];

    // ---------------------------------------------------------------- institutions

    private static string InstitutionName(Rng r, string type, CountryEntity country)
    {
        string place = country.Id == "north-korea" || r.Chance(0.4) ? r.Pick(Places) : country.Name;
        return type switch
        {
            "court" => $"{place} {r.Pick((string[])["People's Court", "Provincial Court", "Special Court", "Military Court", "Court of Appeal", "District Court", "Supreme Court", "Railway Court"])}",
            "prosecution" => $"{place} {r.Pick((string[])["Prosecutors' Office", "Public Prosecutor's Office", "Procuratorate", "Prosecution Service"])}",
            "police" => $"{place} {r.Pick((string[])["Public Security Bureau", "Police Department", "Border Guard Command", "Social Security Station", "Criminal Investigation Bureau"])}",
            "ministry" => $"Ministry of {r.Pick(Domains)}",
            "party" => $"{r.Pick(Domains)} Department of the {place} Party Committee",
            "legislature" => $"{place} People's Assembly",
            "government" => $"{place} People's Committee",
            "ngo" => r.Chance(0.5) ? $"{place} Centre for {r.Pick(Subjects)}" : $"Coalition for {r.Pick(Subjects)}",
            "research" => r.Chance(0.5) ? $"Institute of {r.Pick(Subjects)}" : $"{place} University Faculty of Law",
            "media" => $"{place} {r.Pick((string[])["Daily", "Broadcasting Service", "Times", "Herald", "Radio"])}",
            "international" => r.Chance(0.5) ? $"International Commission on {r.Pick(Subjects)}" : $"{r.Pick(Subjects)} Office of the {place} Council",
            _ => $"{place} Association of {r.Pick(Subjects)}",
        };
    }

    private void BuildInstitutions(int count)
    {
        for (int i = 0; i < count; i++)
        {
            var r = Rng.For(_seed, 2, (ulong)i);
            var country = PickCountry(r);
            string type = r.Pick(InstitutionTypeWeighted);
            string name = InstitutionName(r, type, country);
            string id = Claim(Slug(name), Slug(name) + "-" + country.Id);
            string acronym = Acronym(name);
            var e = new InstitutionEntity
            {
                Id = id,
                Name = name,
                ShortName = acronym.Length >= 3 ? acronym : "the " + type,
                Country = country.Id,
                Type = type,
            };
            if (acronym.Length >= 3 && r.Chance(0.3)) e.Aliases.Add(acronym);
            var siblings = _institutionsByCountry[country.Id];
            if (siblings.Count > 0 && r.Chance(0.2)) e.Parent = siblings[r.Next(siblings.Count)].Id;
            if (r.Chance(0.05))
            {
                DateOnly renamed = RandomDate(r);
                e.Names.Add(new FormerName { Name = InstitutionName(r, type, country), Until = Partial(r, renamed, 0.3, 0.3) });
            }
            if (r.Chance(0.3)) e.Website = $"https://www.{Cut(id, 40).Replace("-", "", StringComparison.Ordinal)}.example.org/";
            if (r.Chance(0.02)) e.FormerIds.Add(Claim("former-" + id));
            int nSources = r.Chance(0.3) ? 0 : r.Between(1, 2);
            var taken = new HashSet<string>(StringComparer.Ordinal);
            for (int k = 0; k < nSources; k++) e.Sources.Add(MakeSource(r, taken, RandomDate(r), name));
            var mentions = new List<string> { Mention(country) };
            if (e.Parent is not null) mentions.Add(Mention(_a.ById[e.Parent]));
            e.Body = EntityBody(r, mentions, e.Sources);
            siblings.Add(e);
            _a.Institutions.Add(e);
            Add(e);
        }
    }

    // ---------------------------------------------------------------- people

    private static (string Name, string? Native, string? Alias, string Short) PersonName(Rng r, string style)
    {
        switch (style)
        {
            case "korean":
                {
                    string[] f = r.Pick(KoreanFamily).Split('|'), g1 = r.Pick(KoreanGiven).Split('|'), g2 = r.Pick(KoreanGiven).Split('|');
                    string name = $"{f[0]} {g1[0]} {g2[0]}";
                    string? alias = r.Chance(0.4) ? $"{f[0]} {g1[0]}-{g2[0].ToLowerInvariant()}" : null;
                    return (name, f[1] + g1[1] + g2[1], alias, f[0]);
                }
            case "chinese":
                {
                    string f = r.Pick(ChineseFamily), g = r.Pick(ChineseGiven);
                    if (r.Chance(0.5)) g += r.Pick(ChineseGiven).ToLowerInvariant();
                    return ($"{f} {g}", null, null, f);
                }
            case "slavic":
                {
                    string f = r.Pick(SlavicFamily);
                    return ($"{r.Pick(SlavicGiven)} {f}", null, null, f);
                }
            case "japanese":
                {
                    string f = r.Pick(JapaneseFamily);
                    return ($"{r.Pick(JapaneseGiven)} {f}", null, null, f);
                }
            case "mongolian":
                {
                    string g = r.Pick(MongolianGiven);
                    return ($"{g} {r.Pick(MongolianFamily)}", null, null, g);
                }
            case "vietnamese":
                {
                    string f = r.Pick(VietnameseFamily);
                    return ($"{f} {r.Pick(VietnameseGiven)}", null, null, f);
                }
            default:
                {
                    string f = r.Pick(WesternFamily);
                    return ($"{r.Pick(WesternGiven)} {f}", null, null, f);
                }
        }
    }

    private void BuildPeople(int count)
    {
        for (int i = 0; i < count; i++)
        {
            var r = Rng.For(_seed, 3, (ulong)i);
            var country = PickCountry(r);
            var (name, native, alias, shortName) = PersonName(r, country.Style);
            var e = new PersonEntity
            {
                Id = Claim(Slug(name)),
                Name = name,
                ShortName = shortName,
                NativeName = native,
                Country = r.Chance(0.9) ? country.Id : null,
            };
            if (alias is not null) e.Aliases.Add(alias);
            var taken = new HashSet<string>(StringComparer.Ordinal);
            var institutions = _institutionsByCountry[country.Id];
            int nPositions = institutions.Count == 0 ? 0 : r.Pick((int[])[0, 1, 1, 1, 2, 2, 3]);
            int nSources = nPositions > 0 ? r.Between(1, 2) : r.Chance(0.5) ? 1 : 0;
            for (int k = 0; k < nSources; k++) e.Sources.Add(MakeSource(r, taken, RandomDate(r), name));
            var mentions = new List<string> { Mention(country) };
            var usedInst = new HashSet<int>();
            for (int k = 0; k < nPositions && usedInst.Count < institutions.Count; k++)
            {
                int ii = PickDistinct(r, institutions.Count, usedInst, 1.5);
                usedInst.Add(ii);
                DateOnly from = RandomDate(r);
                var pos = new Position
                {
                    Institution = institutions[ii].Id,
                    Title = r.Pick(PositionTitles),
                    From = r.Chance(0.9) ? Partial(r, from, 0.3, 0.3) : null,
                    Until = r.Chance(0.5) ? Partial(r, Clamp(from.AddDays(r.Between(400, 4000))), 0.3, 0.3) : null,
                    Confidence = r.Chance(0.5) ? r.Pick((string[])["high", "medium", "low"]) : null,
                };
                // From and Until are drawn at different precisions; keep until in a later year when both are set.
                if (pos.From is not null && pos.Until is not null && string.CompareOrdinal(pos.Until[..4], pos.From[..4]) <= 0)
                {
                    pos = new Position { Institution = pos.Institution, Title = pos.Title, From = pos.From, Until = null, Confidence = pos.Confidence };
                }
                pos.Sources.Add(e.Sources[k % e.Sources.Count].Id);
                e.Positions.Add(pos);
                mentions.Add(Mention(institutions[ii]));
            }
            e.Body = EntityBody(r, mentions, e.Sources);
            _a.People.Add(e);
            Add(e);
        }
    }

    // ---------------------------------------------------------------- agreements

    private static readonly Dictionary<string, string> AgreementTypeNames = new(StringComparer.Ordinal)
    {
        ["mou"] = "Memorandum of Understanding",
        ["treaty"] = "Treaty",
        ["agreement"] = "Agreement",
        ["protocol"] = "Protocol",
        ["plan"] = "Cooperation Plan",
        ["other"] = "Joint Statement",
    };

    private void BuildAgreements(int count)
    {
        var institutions = _a.Institutions;
        for (int i = 0; i < count; i++)
        {
            var r = Rng.For(_seed, 4, (ulong)i);
            var taken = new List<int>();
            int a = r.Skewed(institutions.Count, 1.5);
            taken.Add(a);
            int b = a;
            for (int t = 0; t < 10 && (b == a || institutions[b].Country == institutions[a].Country); t++)
                b = PickDistinct(r, institutions.Count, taken, 1.5);
            if (b == a) b = PickDistinct(r, institutions.Count, taken, 1.5);
            taken.Add(b);
            var parties = new List<InstitutionEntity> { institutions[a], institutions[b] };
            if (r.Chance(0.15) && institutions.Count > 2) parties.Add(institutions[PickDistinct(r, institutions.Count, taken, 1.5)]);

            string type = r.Pick((string[])["mou", "mou", "mou", "treaty", "agreement", "agreement", "protocol", "plan", "other"]);
            string status = r.Pick((string[])["proposed", "discussed", "signed", "signed", "in-force", "in-force", "lapsed"]);
            string topic = r.Pick(Topics);
            DateOnly when = RandomDate(r);
            bool signed = status is "signed" or "in-force" or "lapsed";
            string title = $"{AgreementTypeNames[type]} between the {parties[0].Name} and the {parties[1].Name} on {topic}";
            string topicSlug = Slug(topic);
            foreach (string article in (string[])["the-", "an-", "a-"])
                if (topicSlug.StartsWith(article, StringComparison.Ordinal)) topicSlug = topicSlug[article.Length..];
            string countries = parties[0].Country == parties[1].Country ? parties[0].Country : $"{parties[0].Country}-{parties[1].Country}";
            var e = new AgreementEntity
            {
                Id = Claim($"{type}-{when.Year}-{countries}-{topicSlug}"),
                Name = title,
                ShortName = "the " + AgreementTypeNames[type].ToLowerInvariant(),
                Type = type,
                Status = status,
                Signed = signed ? Partial(r, when, 0.6, 0.3) : null,
                Place = signed && r.Chance(0.6) ? r.Pick(Places[10..]) : null,
                Confidence = r.Chance(0.4) ? r.Pick((string[])["high", "medium", "low"]) : null,
            };
            e.Parties.AddRange(parties.Select(p => p.Id));
            var srcTaken = new HashSet<string>(StringComparer.Ordinal);
            int nSources = r.Between(1, 2);
            for (int k = 0; k < nSources; k++) e.Sources.Add(MakeSource(r, srcTaken, Clamp(when.AddDays(r.Next(60))), topic));
            e.Body = EntityBody(r, parties.Select(p => Mention(p)).ToList(), e.Sources);
            _a.Agreements.Add(e);
            Add(e);
        }
    }

    // ---------------------------------------------------------------- briefings

    private static readonly string[] TitleStop = ["the", "a", "an", "of", "and", "on", "in", "to", "for", "over", "with", "s"];

    private void BuildBriefings(int count)
    {
        var list = new List<Briefing>(count);
        for (int i = 0; i < count; i++) list.Add(MakeBriefing(i));
        list.Sort((x, y) => string.CompareOrdinal(x.Id, y.Id));
        _a.Briefings.AddRange(list);
    }

    private Briefing MakeBriefing(int i)
    {
        var r = Rng.For(_seed, 5, (ulong)i);
        DateOnly date = RandomDate(r);

        // Actors: two or three institutions, the rest people; popular ones come up often.
        int nInst = r.Between(2, 3);
        var instIdx = new List<int>();
        for (int k = 0; k < nInst; k++) instIdx.Add(PickDistinct(r, _a.Institutions.Count, instIdx, 2.0));
        var personIdx = new List<int>();
        for (int k = 0; k < 5 - nInst; k++) personIdx.Add(PickDistinct(r, _a.People.Count, personIdx, 2.0));
        var insts = instIdx.Select(k => _a.Institutions[k]).ToList();
        var people = personIdx.Select(k => _a.People[k]).ToList();
        var actors = new List<Entity>();
        actors.AddRange(insts);
        actors.AddRange(people);

        var primary = r.Chance(0.8) ? _a.Countries[0] : PickCountry(r);
        var countries = new SortedSet<string>(StringComparer.Ordinal) { primary.Id };
        if (r.Chance(0.4)) countries.Add(PickCountry(r).Id);
        string otherId = countries.FirstOrDefault(x => x != primary.Id) ?? insts[0].Country;
        var other = _a.Countries.First(c => c.Id == otherId);

        string topic = r.Pick(Topics);
        var p0 = people[0];
        string title = r.Next(7) switch
        {
            0 => $"{insts[0].Name} delegation visits {new[] { other, primary, _a.Countries[0], _a.Countries[2] }.First(x => x.Id != insts[0].Country).Name}",
            1 => $"{p0.Name} appointed {r.Pick(PositionTitles)} of the {insts[0].Name}",
            2 => $"{insts[0].Name} and {insts[1].Name} discuss {topic}",
            3 => $"Report: {Cap(topic)} in {primary.Name}",
            4 => $"{insts[0].Name} signs protocol on {topic}",
            5 => $"Court records shed light on {topic} in {primary.Name}",
            _ => $"{p0.Name} meets {insts[1].Name} officials over {topic}",
        };
        if (title.Length > 200) title = $"Report: {Cap(topic)} in {primary.Name}";

        var words = Slug(title).Split('-').Where(w => !TitleStop.Contains(w)).Take(5);
        string id = Claim(Cut($"{Full(date)}-{string.Join('-', words)}", 70));

        var sourceIds = new HashSet<string>(StringComparer.Ordinal);
        var sources = new[] { MakeSource(r, sourceIds, date, topic), MakeSource(r, sourceIds, date, topic), MakeSource(r, sourceIds, date, topic) };

        string summary = $"{insts[0].Name} and {insts[1].Name} {r.Pick(Verbs)} the {r.Pick(Adjectives)} {r.Pick(Nouns)} on {topic}, {r.Pick(Clauses)}, according to {sources[0].Publisher}.";
        if (summary.Length > 400) summary = $"{Cap(topic)} in {primary.Name}, according to {sources[0].Publisher}.";

        var b = new Briefing
        {
            Id = id,
            Date = date,
            Updated = r.Chance(0.15) ? Clamp(date.AddDays(r.Between(1, 400))) : null,
            Title = title,
            Summary = summary,
        };
        b.Countries.AddRange(countries);
        b.Actors.AddRange(actors.Select(x => x.Id));
        if (r.Chance(0.3))
        {
            var agIdx = new List<int> { r.Skewed(_a.Agreements.Count, 1.5) };
            if (r.Chance(0.15) && _a.Agreements.Count > 1) agIdx.Add(PickDistinct(r, _a.Agreements.Count, agIdx, 1.5));
            b.Agreements.AddRange(agIdx.Select(k => _a.Agreements[k].Id).Order(StringComparer.Ordinal));
        }
        b.Sources.AddRange(sources);

        // One event, citing one of the sources.
        string type = r.Pick((string[])["delegation", "delegation", "meeting", "meeting", "signing", "training", "arrest", "trial", "repatriation", "statement", "other"]);
        DateOnly evDate = Clamp(date.AddDays(-r.Next(300)));
        string evDateText = Partial(r, evDate, 0.6, 0.3);
        var ev = new Event
        {
            Date = evDateText,
            End = evDateText.Length == 10 && type is "delegation" or "training" && r.Chance(0.5) ? Full(evDate.AddDays(r.Between(1, 14))) : null,
            Type = type,
            Summary = $"{insts[0].Name} {r.Pick(Verbs)} the {r.Pick(Adjectives)} {r.Pick(Nouns)} on {topic}.",
            From = type == "delegation" ? insts[0].Country : null,
            To = type == "delegation" ? new[] { other.Id, primary.Id, "north-korea", "china" }.First(x => x != insts[0].Country) : null,
            Confidence = r.Chance(0.7) ? r.Pick((string[])["high", "high", "medium", "low"]) : null,
        };
        ev.Participants.AddRange(actors.Take(r.Between(1, 3)).Select(x => x.Id));
        ev.Sources.Add(sources[r.Next(3)].Id);
        b.Events.Add(ev);

        var tagIdx = new List<int>();
        for (int k = 0; k < 2; k++) tagIdx.Add(PickDistinct(r, Tags.Length, tagIdx, 1.6));
        b.Tags.AddRange(tagIdx.Select(k => Tags[k]).Order(StringComparer.Ordinal));
        b.Authors.Add(r.Pick(Authors));
        if (r.Chance(0.2)) { string second = r.Pick(Authors); if (second != b.Authors[0]) b.Authors.Add(second); }

        // Body: six paragraphs, ~600 words, five mentions, every source cited.
        var sb = new StringBuilder(4600);
        var e4 = actors[3];
        string[][] mentions =
        [
            [Mention(actors[0]), Mention(actors[1])],
            [Mention(primary)],
            [Mention(actors[2])],
            [],
            [$"[[{e4.Id}|{e4.ShortName ?? e4.Name}]]"],
            [],
        ];
        string[][] cites =
        [
            [Cite(sources[0])],
            [],
            [Cite(sources[1])],
            [],
            [Cite(sources[2])],
            r.Chance(0.5) ? [Cite(sources[0], sources[2])] : [],
        ];
        for (int p = 0; p < 6; p++)
        {
            if (p > 0) sb.Append("\n\n");
            Prose.Paragraph(r, sb, r.Between(88, 104), mentions[p], cites[p]);
        }
        sb.Append('\n');
        b.Body = sb.ToString();
        return b;
    }
}
