namespace Briefings.Model;

/// <summary>Where a fact was reported. Listed in a file's <c>sources</c> and cited by id.</summary>
public sealed record Source(
    string Id,
    Position At,
    string Url,
    string Title,
    string Publisher,
    PartialDate? Published,
    string? Author,
    string Language,
    PartialDate? Accessed,
    string? ArchiveUrl,
    string? Kind);
