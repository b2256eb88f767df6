namespace Briefings.Model;

/// <summary>How a long list is split into pages (the contract's "Long lists"): how many items each page holds and
/// where each page is. Every paginated list of the site (the briefings, a year, a tag, the timeline, an entity's
/// briefings and events) and everything that must know its pages (the pages themselves, the sitemap, serve) go
/// through here.</summary>
public readonly record struct Pagination(string ListUrl, int ItemCount, int PerPage)
{
    /// <summary>Briefings per page: an item is about 0.7 KB of HTML, so a page of them stays under 100 KB.</summary>
    public const int Briefings = 100;

    /// <summary>Events per page: an event with its quotes and sources is 1 to 3 KB (3 on the archive's own
    /// timeline), so a page of them stays under about 60 KB. Fewer than the briefings, because each event brings
    /// quotes in several scripts: a phone lays out 50 of them too slowly (Lighthouse on the timeline: total
    /// blocking time about 450 ms at 50, under 100 ms at 20).</summary>
    public const int Events = 20;

    /// <summary>Links per page (the people, the institutions, a country's members, who cites a publisher): a link
    /// with its note is 100 to 150 bytes of HTML, so a page of them stays under about 80 KB.</summary>
    public const int Links = 500;

    /// <summary>How a list of briefings is split.</summary>
    public static Pagination OfBriefings(string listUrl, int count) => new(listUrl, count, Briefings);

    /// <summary>How a list of events is split.</summary>
    public static Pagination OfEvents(string listUrl, int count) => new(listUrl, count, Events);

    /// <summary>How a list of links is split.</summary>
    public static Pagination OfLinks(string listUrl, int count) => new(listUrl, count, Links);

    /// <summary>How a list of agreements or catalog sources is split: each item is about the size of a briefing's.</summary>
    public static Pagination OfItems(string listUrl, int count) => new(listUrl, count, Briefings);

    /// <summary>The number of pages: at least one, so that an empty list still has its page.</summary>
    public int Count => Math.Max(1, (ItemCount + PerPage - 1) / PerPage);

    /// <summary>The URL of page <paramref name="number"/> (1-based).</summary>
    public string Url(int number) => SiteUrls.PageOfList(ListUrl, number);

    /// <summary>The pages, first to last.</summary>
    public IEnumerable<ListPage> Pages
    {
        get
        {
            for (int n = 1; n <= Count; n++) yield return new ListPage(this, n);
        }
    }

    /// <summary>The part of <paramref name="items"/> (the whole list, in its order) that page <paramref name="number"/> shows.
    /// A list is read by position, so the page reads its own items only: serve records what each page reads as it
    /// is read, and skipping through the list item by item made every page of the timeline depend on every event
    /// before it (an edit rendered 199 timeline pages again at 10,000 briefings).</summary>
    public IEnumerable<T> Slice<T>(IEnumerable<T> items, int number)
    {
        int from = (number - 1) * PerPage;
        if (items is not IReadOnlyList<T> list) return items.Skip(from).Take(PerPage);
        return Enumerable.Range(from, Math.Max(0, Math.Min(PerPage, list.Count - from))).Select(i => list[i]);
    }

    /// <summary>The last <paramref name="count"/> items of a list, read by position for the same reason.</summary>
    public static IEnumerable<T> Last<T>(IReadOnlyList<T> list, int count) =>
        Enumerable.Range(Math.Max(0, list.Count - count), Math.Min(count, list.Count)).Select(i => list[i]);
}

/// <summary>One page of a split list.</summary>
public readonly record struct ListPage(Pagination Of, int Number)
{
    public string Url => Of.Url(Number);
    public bool IsFirst => Number == 1;
    public bool IsLast => Number == Of.Count;
    public string? Previous => IsFirst ? null : Of.Url(Number - 1);
    public string? Next => IsLast ? null : Of.Url(Number + 1);
    public IEnumerable<T> Slice<T>(IEnumerable<T> items) => Of.Slice(items, Number);
}
