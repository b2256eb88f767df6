using Briefings.Errors;
using Briefings.Model;
using Briefings.Resolving;

namespace Briefings.Rendering;

/// <summary>The description of an entity's page (its <c>meta description</c> and <c>og:description</c>): what the
/// entity is, from its own facts, so that a link preview or a search result says who or what it shows
/// ("President, Central Court") rather than what every page of its kind holds.</summary>
public sealed class EntityDescriptions(ArchiveIndex index)
{
    public string Of(Entity e) => e switch
    {
        Person p => $"{Named(p)}: {What(p)}. {Briefings(p)}",
        Institution i => $"{Named(i)}: {What(i)}. {Holders(i)}{Briefings(i)}",
        Country c => $"{Named(c)}: a country in the archive{With(c)}. {Briefings(c)}",
        Agreement a => $"{a.Title}: {Labels.Of(a.Type)}, {Labels.Of(a.Status).ToLowerInvariant()}{(a.Signed is { } s ? $", {s.ToDisplay()}" : "")}. Parties, sources and briefings.",
        _ => e.DisplayName,
    };

    /// <summary>The latest post, as the lists of people show it: title, institution and its country, and its end if it
    /// has one.</summary>
    private string What(Person p) => p.Positions.OrderByDescending(x => x.From).FirstOrDefault() is { } post
        ? string.Join(", ", new[] { post.Title, NameOf(post.Institution), CountryOf(post.Institution),
            post.Until is { } until ? $"until {until.ToDisplay()}" : null }.OfType<string>())
        : NameOf(p.Country) is { } country ? $"a person of {country} in the archive" : "a person in the archive";

    /// <summary>The country of an institution, unless the institution's name says it already.</summary>
    private string? CountryOf(Ref institution) =>
        index.Find(institution.Id) is Institution i && NameOf(i.Country) is { } country && !i.Name.Contains(country, StringComparison.Ordinal) ? country : null;

    /// <summary>Its kind, country, parent and former names: "Ministry, North Korea, formerly the Ministry of People's Security".</summary>
    private string What(Institution i)
    {
        var parts = new List<string> { Labels.Of(i.Type), NameOf(i.Country) ?? i.Country.Id };
        if (NameOf(i.Parent) is { } parent) parts.Add($"part of the {parent}");
        var former = i.Names.Select(n => n.Name).Where(n => n != i.Name).Distinct(StringComparer.Ordinal).ToList();
        if (former.Count > 0) parts.Add($"formerly the {string.Join(" and the ", former)}");
        return string.Join(", ", parts);
    }

    private string Holders(Institution i) => index.PostsAt(i.Id).Select(x => x.Person.Id).Distinct(StringComparer.Ordinal).Count() switch
    {
        0 => "",
        1 => "1 person with a post there. ",
        var n => $"{n} people with posts there. ",
    };

    /// <summary>", with 3 institutions, 2 people and 1 agreement", or nothing.</summary>
    private string With(Country c)
    {
        var members = index.MembersOf(c.Id);
        int people = members.OfType<Person>().Count();
        var parts = new[]
        {
            members.OfType<Institution>().Count() is > 0 and var n ? Wording.Count(n, "institution") : null,
            people == 0 ? null : people == 1 ? "1 person" : $"{people} people",
            index.AgreementsOf(c.Id).Count is > 0 and var a ? Wording.Count(a, "agreement") : null,
        }.OfType<string>().ToList();
        return parts.Count switch
        {
            0 => "",
            1 => $", with {parts[0]}",
            _ => $", with {string.Join(", ", parts[..^1])} and {parts[^1]}",
        };
    }

    private string Briefings(Entity e) => index.BriefingsOf(e.Id).Count switch
    {
        0 => "No briefing yet.",
        var n => $"In {Wording.Count(n, "briefing")}, each fact with its source.",
    };

    /// <summary>The name, with the native one beside it when there is one.</summary>
    private static string Named(Entity e) => e.NativeName is { Length: > 0 } native && native != e.DisplayName ? $"{e.DisplayName} ({native})" : e.DisplayName;

    private string? NameOf(Ref? r) => r is null ? null : index.Find(r.Id)?.DisplayName;
}
