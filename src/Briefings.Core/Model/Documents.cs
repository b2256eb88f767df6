namespace Briefings.Model;

/// <summary>The kinds of content file; the folder under input/ is <see cref="DocumentKinds.Folder"/>. Sources (the
/// shared catalog, input/sources/) and pages (the site's own, input/pages/) come last, so the archive's order of
/// the other kinds is as it was.</summary>
public enum DocumentKind { Briefing, Country, Institution, Person, Agreement, Source, Page }

public static class DocumentKinds
{
    public static readonly DocumentKind[] All =
        [DocumentKind.Briefing, DocumentKind.Country, DocumentKind.Institution, DocumentKind.Person, DocumentKind.Agreement,
         DocumentKind.Source, DocumentKind.Page];

    /// <summary>The folder under input/ and the first URL segment: briefings, countries, ...</summary>
    public static string Folder(this DocumentKind kind) => kind switch
    {
        DocumentKind.Briefing => "briefings",
        DocumentKind.Country => "countries",
        DocumentKind.Institution => "institutions",
        DocumentKind.Person => "people",
        DocumentKind.Agreement => "agreements",
        DocumentKind.Source => "sources",
        DocumentKind.Page => "pages",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The singular, lowercase, as used in messages and the <c>new</c> command.</summary>
    public static string Noun(this DocumentKind kind) => kind.ToString().ToLowerInvariant();
}

/// <summary>What every content file has: its id (the file name), where it lives, its prose and its sources.</summary>
public abstract record Document
{
    public required string Id
    {
        get;
        // The URL is made here, once: pages ask for it thousands of times.
        init { field = value; Url = SiteUrls.PageOf(Kind, value); }
    }
    /// <summary>Path as shown in diagnostics: relative to the working directory, '/' separated.</summary>
    public required string Path { get; init; }
    public required string Body { get; init; }
    /// <summary>The file line on which the body starts, so body positions map back to the file.</summary>
    public required int BodyLine { get; init; }
    public IReadOnlyList<Source> Sources { get; init; } = [];
    public IReadOnlyList<Ref> FormerIds { get; init; } = [];
    /// <summary>What was corrected on the page, in file order (briefings and entities only).</summary>
    public IReadOnlyList<Correction> Corrections { get; init; } = [];
    /// <summary>Mentions and citations written in the body, collected when the file is read.</summary>
    public BodyReferences BodyRefs { get; init; } = BodyReferences.None;

    public abstract DocumentKind Kind { get; }
    /// <summary>The name a reader sees: a title for briefings and agreements, a name for the rest.</summary>
    public abstract string DisplayName { get; }
    /// <summary>Site-relative URL of its page, ending in '/'.</summary>
    public string Url { get; private init; } = "";
}

/// <summary>The <c>[[id]]</c> mentions and <c>[@src]</c> citations of a body, with positions in the file.</summary>
public sealed record BodyReferences(IReadOnlyList<Ref> Mentions, IReadOnlyList<Ref> Citations)
{
    public static readonly BodyReferences None = new([], []);

    /// <summary>Ids written as <c>[id]</c> or a bare <c>@id</c>: a citation lost if the id is a source the file may
    /// cite, which only the checker knows.</summary>
    public IReadOnlyList<LooseCitation> Loose { get; init; } = [];
}

/// <summary>An id written where a citation was likely meant, and how it was written (<c>[kcna-2019]</c>, <c>@kcna-2019</c>).</summary>
public sealed record LooseCitation(Ref Id, string Written);

public sealed record Event(
    int Index,
    Position At,
    PartialDate Date,
    PartialDate? End,
    string Type,
    string Summary,
    Ref? From,
    Ref? To,
    IReadOnlyList<Ref> Participants,
    IReadOnlyList<Citation> Sources,
    string? Confidence)
{
    /// <summary>Mentions and citations written in <see cref="Summary"/>, all placed at the summary's value.</summary>
    public BodyReferences SummaryRefs { get; init; } = BodyReferences.None;
    /// <summary>The <c>id</c> written in the file, if any.</summary>
    public string? Id { get; init; }
    /// <summary>The permanent address on its briefing's page (see <see cref="FactAnchors"/>), set when the file is read.</summary>
    public string Anchor { get; init; } = "";
}

public sealed record Briefing : Document
{
    public override DocumentKind Kind => DocumentKind.Briefing;
    public override string DisplayName => Title;
    public required string Title { get; init; }
    public required PartialDate Date { get; init; }
    public PartialDate? Updated { get; init; }
    public required string Summary { get; init; }
    public IReadOnlyList<Ref> Countries { get; init; } = [];
    public IReadOnlyList<Ref> Actors { get; init; } = [];
    public IReadOnlyList<Ref> Agreements { get; init; } = [];
    public IReadOnlyList<Event> Events { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> Authors { get; init; } = [];
}

/// <summary>A country, institution, person or agreement: anything with a page that briefings link to.</summary>
public abstract record Entity : Document
{
    public string? NativeName { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
}

public sealed record Country : Entity
{
    public override DocumentKind Kind => DocumentKind.Country;
    public override string DisplayName => Name;
    public required string Name { get; init; }
    public required string Iso { get; init; }
}

public sealed record FormerName(string Name, PartialDate? From, PartialDate? Until);

public sealed record Institution : Entity
{
    public override DocumentKind Kind => DocumentKind.Institution;
    public override string DisplayName => Name;
    public required string Name { get; init; }
    public required Ref Country { get; init; }
    public required string Type { get; init; }
    public Ref? Parent { get; init; }
    public IReadOnlyList<FormerName> Names { get; init; } = [];
    public string? Website { get; init; }
}

public sealed record Post(
    int Index,
    Position At,
    Ref Institution,
    string? Title,
    PartialDate? From,
    PartialDate? Until,
    string? Confidence,
    IReadOnlyList<Citation> Sources)
{
    /// <summary>The <c>id</c> written in the file, if any.</summary>
    public string? Id { get; init; }
    /// <summary>The permanent address on its person's page (see <see cref="FactAnchors"/>), set when the file is read.</summary>
    public string Anchor { get; init; } = "";
}

public sealed record Person : Entity
{
    public override DocumentKind Kind => DocumentKind.Person;
    public override string DisplayName => Name;
    public required string Name { get; init; }
    public Ref? Country { get; init; }
    public IReadOnlyList<Post> Positions { get; init; } = [];
}

public sealed record Agreement : Entity
{
    public override DocumentKind Kind => DocumentKind.Agreement;
    public override string DisplayName => Title;
    public required string Title { get; init; }
    public required string Type { get; init; }
    public required string Status { get; init; }
    public PartialDate? Signed { get; init; }
    public string? Place { get; init; }
    public IReadOnlyList<Ref> Parties { get; init; } = [];
    public string? Confidence { get; init; }
}

/// <summary>A source of the shared catalog, input/sources/&lt;id&gt;.md, which any file cites by id without listing it.
/// Its body says what the source is and how far it can be trusted. Published at /sources/&lt;id&gt;/.</summary>
public sealed record CatalogSource : Document
{
    public override DocumentKind Kind => DocumentKind.Source;
    public override string DisplayName => Source.Title;
    /// <summary>The source fields; its id is the file's.</summary>
    public required Source Source { get; init; }
}

/// <summary>A page of the site itself, input/pages/&lt;id&gt;.md (About, Methodology), published at /&lt;id&gt;/.</summary>
public sealed record SitePage : Document
{
    public override DocumentKind Kind => DocumentKind.Page;
    public override string DisplayName => Title;
    public required string Title { get; init; }
    public string? Summary { get; init; }

    /// <summary>The first URL segments the site itself uses; a page may not take one.</summary>
    public static readonly IReadOnlyList<string> ReservedIds =
        ["briefings", "countries", "institutions", "people", "agreements", "timeline", "network", "tags", "search", "sources",
         "corrections", "data", "assets", "pagefind"];

    /// <summary>Whether an id is kept for the site: one of <see cref="ReservedIds"/> or a language tag.</summary>
    public static bool IsReserved(string id) => ReservedIds.Contains(id) || LooksLikeLanguage(id);

    /// <summary>An id of the shape of a BCP 47 language tag, which may become a language's first URL segment
    /// (<c>/ko/</c>): a language of two or three letters (<c>en</c>, <c>ko</c>, <c>yue</c>), optionally a script of four
    /// letters (<c>zh-hans</c>) and a region of two letters or three digits (<c>pt-br</c>, <c>es-419</c>).</summary>
    public static bool LooksLikeLanguage(string id) => LanguageShape.IsMatch(id);

    private static readonly System.Text.RegularExpressions.Regex LanguageShape =
        new("^[a-z]{2,3}(-[a-z]{4})?(-([a-z]{2}|[0-9]{3}))?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
}

/// <summary>input/site.yml.</summary>
public sealed record SiteSettings(string Title, string Description, string BaseUrl, string Language)
{
    public static readonly SiteSettings Default = new("Briefings", "", "https://example.org", "en");

    /// <summary>The ids of the pages linked from every page's footer, in order.</summary>
    public IReadOnlyList<Ref> Footer { get; init; } = [];
    /// <summary>The path of site.yml as diagnostics show it.</summary>
    public string Path { get; init; } = "site.yml";
}

/// <summary>Everything read from input/: the settings and every document, sorted by kind then id.</summary>
public sealed record Archive(SiteSettings Site, IReadOnlyList<Document> Documents)
{
    /// <summary>Ids (and kinds) of files that exist but could not be read; each has its own error, so
    /// references to them are not reported a second time as unknown.</summary>
    public IReadOnlyDictionary<string, DocumentKind> Unread { get; init; } = new Dictionary<string, DocumentKind>();

    public IEnumerable<Briefing> Briefings => Documents.OfType<Briefing>();
    public IEnumerable<Country> Countries => Documents.OfType<Country>();
    public IEnumerable<Institution> Institutions => Documents.OfType<Institution>();
    public IEnumerable<Person> People => Documents.OfType<Person>();
    public IEnumerable<Agreement> Agreements => Documents.OfType<Agreement>();
    public IEnumerable<SitePage> Pages => Documents.OfType<SitePage>();

    /// <summary>The catalog sources by id (the first, if two files share an id: that is an error of its own).
    /// Made once per list of documents, and made again for an archive made <c>with</c> other documents.</summary>
    public IReadOnlyDictionary<string, CatalogSource> Catalog => Catalogs.GetValue(Documents, documents =>
        documents.OfType<CatalogSource>().DistinctBy(c => c.Id).ToDictionary(c => c.Id, StringComparer.Ordinal));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<Document>, Dictionary<string, CatalogSource>> Catalogs = new();

    /// <summary>The source a citation in <paramref name="doc"/> means: the file's own source of that id, else the
    /// catalog's; null when neither has it. The one answer to "which source is this" for pages, feeds and data.</summary>
    public Source? SourceOf(Document doc, string sourceId)
    {
        foreach (var s in doc.Sources) if (s.Id == sourceId) return s;
        return Catalog.TryGetValue(sourceId, out var c) ? c.Source : null;
    }
}
