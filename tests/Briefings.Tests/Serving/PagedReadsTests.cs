using Briefings.Model;
using Briefings.Resolving;

namespace Briefings.Tests.Serving;

/// <summary>A page of a long list depends on its own items, not on every item before them: serve renders again only
/// the pages that read what an edit changed. Skipping through the list item by item once made every page of the
/// timeline read every event before its own, and a title edit rendered 199 timeline pages again at 10,000
/// briefings.</summary>
public sealed class PagedReadsTests
{
    private static readonly string[] Items = [.. Enumerable.Range(1, 250).Select(i => $"doc-{i:D3}")];

    private static (List<string> Shown, IReadOnlyCollection<Fact> Read) Reading(Func<IReadOnlyList<string>, IEnumerable<string>> page)
    {
        var reads = new Reads();
        var shown = reads.During(() => page(Reads.List(Relation.Events, "", Items, id => id)).ToList());
        return (shown, reads.Facts);
    }

    [Fact]
    public void A_page_of_a_list_reads_its_own_items_and_the_list_itself_only()
    {
        var pagination = Pagination.OfEvents("/timeline/", Items.Length);
        var (shown, read) = Reading(list => pagination.Slice(list, 3));

        const int per = Pagination.Events;
        Assert.Equal(Items[(2 * per)..(3 * per)], shown);
        var facets = read.Where(f => f.Kind == FactKind.Facet).Select(f => f.Name).Order(StringComparer.Ordinal);
        Assert.Equal(Items[(2 * per)..(3 * per)], facets);
        // Which items the page holds follows from the list's order, which is read as a whole.
        Assert.Contains(Fact.Related(Relation.Events, ""), read);
    }

    [Fact]
    public void The_last_page_holds_what_is_left_and_the_latest_items_are_read_alone()
    {
        var pagination = Pagination.OfEvents("/timeline/", Items.Length);
        int last = pagination.Count;
        Assert.NotEqual(0, Items.Length % Pagination.Events); // so that the last page is not full
        Assert.Equal(Items[((last - 1) * Pagination.Events)..], Reading(list => pagination.Slice(list, last)).Shown);
        Assert.Empty(Reading(list => pagination.Slice(list, last + 1)).Shown);

        var (latest, read) = Reading(list => Pagination.Last(list, 5));
        Assert.Equal(Items[245..], latest);
        Assert.Equal(Items[245..], read.Where(f => f.Kind == FactKind.Facet).Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Equal(Items[..2], Reading(list => Pagination.Last(list.Take(2).ToList(), 5)).Shown);
    }
}
