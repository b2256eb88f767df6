using System.Globalization;
using System.Text;
using Briefings.Model;
using Briefings.Reading;

namespace Briefings.Authoring;

/// <summary>The files <c>briefings new</c> writes: every field of the content format, each with a comment
/// saying what it holds. Required fields are active with empty values, so <c>check</c> points at each one
/// until it is filled in; optional ones are commented out, ready to use.</summary>
public static class NewFile
{
    /// <summary>Where a new document goes, relative to the input folder: briefings/YYYY/id.md for a briefing, under
    /// the year of its date (<see cref="BriefingDate"/>), else kind/id.md.</summary>
    public static string RelativePath(DocumentKind kind, string id, DateOnly today) => kind == DocumentKind.Briefing
        ? $"briefings/{BriefingDate(id, today).Year:D4}/{id}.md"
        : $"{kind.Folder()}/{id}.md";

    /// <summary>The date of a new briefing: the one its id starts with (<c>2019-06-04-delegation</c>), as ids usually
    /// do, else today.</summary>
    public static DateOnly BriefingDate(string id, DateOnly today) =>
        id.Length >= 10 && (id.Length == 10 || id[10] == '-') && PartialDate.TryParse(id[..10], out var d) && d.IsFull
            ? d.FirstDay()
            : today;

    /// <summary>The content file of an existing document with this id, whatever its kind, or null. Ids are unique
    /// across kinds, so a new person may not take the id of an institution.</summary>
    public static string? Existing(string inputDir, string id)
    {
        foreach (var kind in DocumentKinds.All)
        {
            var folder = Path.Combine(inputDir, kind.Folder());
            if (!Directory.Exists(folder)) continue;
            var found = Directory.EnumerateFiles(folder, id + ".md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).FirstOrDefault();
            if (found is not null) return found;
        }
        return null;
    }

    /// <summary>The text of a new document. <paramref name="title"/> fills the title (briefings, agreements) or the name.</summary>
    /// <param name="id">The new file's id: a briefing whose id starts with a date is dated so.</param>
    public static string Text(DocumentKind kind, string? title, DateOnly today, string id = "")
    {
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var text = Quote(title ?? "");
        return kind switch
        {
            DocumentKind.Briefing => Briefing(text, BriefingDate(id, today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            DocumentKind.Country => Country(text),
            DocumentKind.Institution => Institution(text),
            DocumentKind.Person => Person(text),
            DocumentKind.Agreement => Agreement(text, day),
            DocumentKind.Source => CatalogSource(text, day),
            DocumentKind.Page => Page(text),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    /// <summary>A YAML double-quoted scalar: the title is the contributor's own text and may hold quotes or colons.</summary>
    public static string Quote(string s)
    {
        var b = new StringBuilder("\"");
        foreach (var c in s)
            b.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                < ' ' => $"\\x{(int)c:X2}",
                _ => c.ToString(),
            });
        return b.Append('"').ToString();
    }

    private const string Header = """
        # Fields marked "required" must be filled in; `briefings check` points at any left empty.
        # The others are optional: remove the "# " in front of a line to use it. Ids are file names
        # without .md: lowercase letters, digits and single hyphens. Dates are YYYY-MM-DD, or YYYY-MM
        # or YYYY where the sources are no more precise.
        """;

    private static string SourcesField(bool required) => required
        ? $$"""
          # required. Where the facts were reported, at least one. Cite each in the text as [@its-id].
          sources:
            - id: source-1             # required: unique in this file
              url: ""                  # required: the address of the report (http or https)
              title: ""                # required: its title
              publisher: ""            # required: who published it
              # published: 2025-01-31  # when it was published
              # author: ""             # who wrote it
              # language: en           # its language (BCP 47: en, ko, ru, zh...); en if left out
              # accessed: 2025-01-31   # the day you read it
              # archive_url: ""        # an archived copy (http or https)
              # kind: news             # {{Choices(Reading.DocumentReader.SourceKinds)}}
          """
        : $$"""
          # Where the facts on this page were reported. Cite each in the text as [@its-id].
          # sources:
          #   - id: source-1             # required: unique in this file
          #     url: ""                  # required: the address of the report (http or https)
          #     title: ""                # required: its title
          #     publisher: ""            # required: who published it
          #     published: 2025-01-31    # when it was published
          #     author: ""               # who wrote it
          #     language: en             # its language (BCP 47: en, ko, ru, zh...); en if left out
          #     accessed: 2025-01-31     # the day you read it
          #     archive_url: ""          # an archived copy (http or https)
          #     kind: news               # {{Choices(Reading.DocumentReader.SourceKinds)}}
          """;

    private const string EntityCommon = """
        # The name in its own language and script (e.g. Hangul, Cyrillic).
        # native_name: ""
        # Other names, romanizations and spellings, so that search finds them.
        # aliases:
        #   - ""
        # Ids this page had before; each keeps working as a permanent redirect. Never reuse one.
        # former_ids:
        #   - old-id
        """;

    private static string Briefing(string title, string day) => $$"""
        ---
        # A briefing: one account of what happened, each fact with its source.
        {{Header}}

        # required. The headline, at most 200 characters.
        title: {{title}}
        # required. The day this briefing is published.
        date: {{day}}
        # The day of its last substantial change, not before date.
        # updated: {{day}}
        # required. One or two sentences, at most 400 characters: shown in lists, feeds, search and link previews.
        summary: ""
        # Ids of countries it concerns; the countries of its actors are added without being listed.
        # countries:
        #   - north-korea
        # required. Ids of the people and institutions it is about, at least one.
        actors: []
        # Ids of the agreements it concerns.
        # agreements:
        #   - agreement-id
        # What happened, one entry per event.
        # events:
        #   - date: 2025-01             # required: when, as precisely as the sources say
        #     end: 2025-01-31           # when it ended, if it lasted, not before date
        #     type: delegation          # required: {{Choices(Reading.DocumentReader.EventTypes)}}
        #     summary: ""               # required: one sentence; Markdown, [[id]] links allowed
        #     from: north-korea         # for a delegation: the country it came from
        #     to: russia                # and the country it went to
        #     participants:             # ids of the people and institutions that took part
        #       - person-or-institution-id
        #     sources:                  # required: ids of sources listed below, at least one
        #       - source-1
        #     confidence: high          # how well the sources establish it: {{Choices(Reading.DocumentReader.Confidences)}}
        # Lowercase words with hyphens.
        # tags:
        #   - law-enforcement
        # Who wrote it.
        # authors:
        #   - ""
        {{SourcesField(required: true)}}
        ---

        {{Placeholder.Mark}} with the briefing, in Markdown. Link a person, institution,
        country or agreement as `[[its-id]]` or `[[its-id|other words]]` (without the backticks) and cite a
        listed source after each fact, like this [@source-1].

        """;

    private static string Country(string name) => $$"""
        ---
        # A country.
        {{Header}}

        # required. Its usual name in English.
        name: {{name}}
        # required. Its ISO 3166-1 alpha-2 code: two capital letters, e.g. KP, RU, CN.
        iso: ""
        {{EntityCommon}}
        {{SourcesField(required: false)}}
        ---

        {{Placeholder.Mark}} with what a reader should know about this country, in
        Markdown. Link a document as `[[its-id]]` and cite a source listed above as `[@its-id]` (without the
        backticks).

        """;

    private static string Institution(string name) => $$"""
        ---
        # An institution: a court, prosecution office, ministry, party organ, NGO, research body or news outlet.
        {{Header}}

        # required. Its current name in English.
        name: {{name}}
        # required. The id of its country.
        country: ""
        # required. One of: {{string.Join(", ", Reading.DocumentReader.InstitutionTypes)}}.
        type: ""
        {{EntityCommon}}
        # The id of the institution it belongs to.
        # parent: institution-id
        # Its former names, each with the dates the sources give for it.
        # names:
        #   - name: ""
        #     from: 1990
        #     until: 2020-05
        # Its website (http or https).
        # website: ""
        {{SourcesField(required: false)}}
        ---

        {{Placeholder.Mark}} with what a reader should know about this institution, in
        Markdown. Link a document as `[[its-id]]` and cite a source listed above as `[@its-id]` (without the
        backticks).

        """;

    private static string Person(string name) => $$"""
        ---
        # A person.
        {{Header}}

        # required. The name as usually romanized in English.
        name: {{name}}
        {{EntityCommon}}
        # The id of the person's country.
        # country: north-korea
        # Positions held, each with its sources.
        # positions:
        #   - institution: institution-id  # required: where
        #     title: ""                    # the title held, e.g. "Director"
        #     from: 2019                   # the earliest report of it
        #     until: 2024-07               # the latest report of it
        #     confidence: high             # how well the sources establish it: {{Choices(Reading.DocumentReader.Confidences)}}
        #     sources:                     # ids of sources listed below
        #       - source-1
        {{SourcesField(required: false)}}
        ---

        {{Placeholder.Mark}} with what a reader should know about this person, in
        Markdown. Link a document as `[[its-id]]` and cite a source listed above as `[@its-id]` (without the
        backticks).

        """;

    private static string Agreement(string title, string day) => $$"""
        ---
        # An agreement: an MOU, treaty, protocol or plan.
        {{Header}}

        # required. Its name in English.
        title: {{title}}
        # required. One of: {{string.Join(", ", Reading.DocumentReader.AgreementTypes)}}.
        type: ""
        # required. One of: {{string.Join(", ", Reading.DocumentReader.AgreementStatuses)}}.
        status: ""
        # When it was signed.
        # signed: {{day}}
        # Where it was signed.
        # place: ""
        # required. Ids of the people and institutions party to it, at least two.
        parties: []
        # How well the sources establish it: {{Choices(Reading.DocumentReader.Confidences)}}.
        # confidence: high
        # Ids this page had before; each keeps working as a permanent redirect. Never reuse one.
        # former_ids:
        #   - old-id
        {{SourcesField(required: true)}}
        ---

        {{Placeholder.Mark}} with what a reader should know about this agreement, in
        Markdown. Link a person, institution, country or agreement as `[[its-id]]` or `[[its-id|other words]]`
        (without the backticks) and cite a listed source after each fact, like this [@source-1].

        """;

    private static string CatalogSource(string title, string day) => $$"""
        ---
        # A source of the shared catalog: one report, document or broadcast that many files cite. Any file cites it
        # by this file's name, as [@its-id] in the text or as an id in a fact's sources, without listing it.
        {{Header}}

        # required. The address of the report (http or https).
        url: ""
        # required. Its title, exactly as the source gives it.
        title: {{title}}
        # required. Who published it.
        publisher: ""
        # When it was published.
        # published: {{day}}
        # Who wrote it.
        # author: ""
        # Its language (BCP 47: en, ko, ru, zh...); en if left out.
        # language: en
        # The day you read it.
        # accessed: {{day}}
        # An archived copy (http or https).
        # archive_url: ""
        # {{Choices(Reading.DocumentReader.SourceKinds)}}.
        # kind: news
        ---

        {{Placeholder.Mark}} with what this source is and how far it can be trusted
        (who runs it, whom it speaks for, what it tends to leave out), in Markdown.

        """;

    private static string Page(string title) => $$"""
        ---
        # A page of the site itself, published at /<its-id>/ (About, Methodology). List it in site.yml's
        # footer to link it from every page.
        {{Header}}

        # required. Its title, at most 200 characters.
        title: {{title}}
        # One or two sentences, at most 400 characters: shown in link previews and search.
        # summary: ""
        ---

        {{Placeholder.Mark}} with the page, in Markdown. Link a document as `[[its-id]]`
        (without the backticks).

        """;

    /// <summary>The allowed values as a reader says them ("a, b or c"), taken from the checker so the two agree.</summary>
    private static string Choices(IReadOnlyList<string> values) =>
        values.Count < 2 ? string.Join("", values) : $"{string.Join(", ", values.Take(values.Count - 1))} or {values[^1]}";
}
