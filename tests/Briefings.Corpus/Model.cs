namespace Briefings.Corpus;

public enum Kind { Country, Institution, Person, Agreement }

public static class Kinds
{
    /// <summary>Folder under input/, URL segment, and Hugo taxonomy plural.</summary>
    public static string Plural(Kind k) => k switch
    {
        Kind.Country => "countries",
        Kind.Institution => "institutions",
        Kind.Person => "people",
        Kind.Agreement => "agreements",
        _ => throw new ArgumentOutOfRangeException(nameof(k)),
    };
}

public sealed class Source
{
    public required string Id { get; init; }
    public required string Url { get; init; }
    public required string Title { get; init; }
    public required string Publisher { get; init; }
    public string? Published { get; init; }
    public string? Author { get; init; }
    public string? Language { get; init; }
    public string? Accessed { get; init; }
    public string? ArchiveUrl { get; init; }
    public string? SourceKind { get; init; }
}

public sealed class Position
{
    public required string Institution { get; init; }
    public required string Title { get; init; }
    public string? From { get; init; }
    public string? Until { get; init; }
    public string? Confidence { get; init; }
    public List<string> Sources { get; } = [];
}

public sealed class FormerName
{
    public required string Name { get; init; }
    public string? From { get; init; }
    public string? Until { get; init; }
}

public abstract class Entity
{
    public required string Id { get; init; }
    public abstract Kind Kind { get; }
    /// <summary>Display name (an agreement's title).</summary>
    public required string Name { get; init; }
    /// <summary>Short text for <c>[[id|text]]</c> mentions.</summary>
    public string? ShortName { get; init; }
    public List<string> FormerIds { get; } = [];
    public List<Source> Sources { get; } = [];
    public string Body { get; set; } = "";
}

public sealed class CountryEntity : Entity
{
    public override Kind Kind => Kind.Country;
    public required string Iso { get; init; }
    public string? NativeName { get; init; }
    public List<string> Aliases { get; } = [];
    public required string Style { get; init; }
}

public sealed class InstitutionEntity : Entity
{
    public override Kind Kind => Kind.Institution;
    public required string Country { get; init; }
    public required string Type { get; init; }
    public string? NativeName { get; init; }
    public List<string> Aliases { get; } = [];
    public string? Parent { get; set; }
    public List<FormerName> Names { get; } = [];
    public string? Website { get; set; }
}

public sealed class PersonEntity : Entity
{
    public override Kind Kind => Kind.Person;
    public string? NativeName { get; init; }
    public List<string> Aliases { get; } = [];
    public string? Country { get; init; }
    public List<Position> Positions { get; } = [];
}

public sealed class AgreementEntity : Entity
{
    public override Kind Kind => Kind.Agreement;
    public required string Type { get; init; }
    public required string Status { get; init; }
    public string? Signed { get; init; }
    public string? Place { get; init; }
    public List<string> Parties { get; } = [];
    public string? Confidence { get; init; }
}

public sealed class Event
{
    public required string Date { get; init; }
    public string? End { get; init; }
    public required string Type { get; init; }
    public required string Summary { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public List<string> Participants { get; } = [];
    public List<string> Sources { get; } = [];
    public string? Confidence { get; init; }
}

public sealed class Briefing
{
    public required string Id { get; init; }
    public required DateOnly Date { get; init; }
    public DateOnly? Updated { get; init; }
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public List<string> Countries { get; } = [];
    public List<string> Actors { get; } = [];
    public List<string> Agreements { get; } = [];
    public List<Event> Events { get; } = [];
    public List<string> Tags { get; } = [];
    public List<string> Authors { get; } = [];
    public List<Source> Sources { get; } = [];
    public string Body { get; set; } = "";
}

public sealed class Archive
{
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string BaseUrl { get; init; }
    public required string Language { get; init; }
    public List<CountryEntity> Countries { get; } = [];
    public List<InstitutionEntity> Institutions { get; } = [];
    public List<PersonEntity> People { get; } = [];
    public List<AgreementEntity> Agreements { get; } = [];
    public List<Briefing> Briefings { get; } = [];
    public Dictionary<string, Entity> ById { get; } = new(StringComparer.Ordinal);

    public IEnumerable<Entity> AllEntities() =>
        Countries.Cast<Entity>().Concat(Institutions).Concat(People).Concat(Agreements);
}
