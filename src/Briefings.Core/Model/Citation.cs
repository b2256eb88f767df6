namespace Briefings.Model;

/// <summary>One item of a fact's <c>sources</c>: the source it rests on and, in the mapping form, the words of the
/// source that support it. A plain id in YAML is a citation without a quote.</summary>
/// <param name="Source">The source's id: one of the file's own sources or a catalog source.</param>
/// <param name="Quote">The supporting passage, in the source's own language.</param>
/// <param name="Translation">An English translation of the quote, for a quote in another language.</param>
/// <param name="Locator">Where in the source: a page, paragraph or time.</param>
/// <param name="At">Where the item is written (the id, or the start of the mapping).</param>
public sealed record Citation(Ref Source, string? Quote, string? Translation, string? Locator, Position At)
{
    public static Citation Of(Ref source) => new(source, null, null, null, source.At);
}

/// <summary>A dated note of what was wrong on a page and what changed. <see cref="Note"/> is inline Markdown.</summary>
public sealed record Correction(PartialDate Date, string Note, Position At)
{
    /// <summary>Mentions and citations written in the note, all placed at the note's value.</summary>
    public BodyReferences NoteRefs { get; init; } = BodyReferences.None;
}
