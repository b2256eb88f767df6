using System.Collections.Concurrent;
using Briefings.Errors;
using Briefings.Model;
using Briefings.Reading;

namespace Briefings.Checking;

/// <summary>Checks what no single file can: ids unique across the archive, every reference pointing at an
/// existing document of the right kind, every citation at a source the file may cite (its own or the catalog's),
/// every source used, the footer's pages, and one URL described one way.</summary>
public static class Checker
{
    private static readonly DocumentKind[] Actors = [DocumentKind.Person, DocumentKind.Institution];
    private static readonly DocumentKind[] Countries = [DocumentKind.Country];
    private static readonly DocumentKind[] AnyKind = DocumentKinds.All;

    public static void Check(Archive archive, DiagnosticBag diagnostics)
    {
        var byId = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var doc in archive.Documents) byId.TryAdd(doc.Id, doc);
        // Reported on every file that holds the id, so the one just added is flagged too.
        foreach (var same in archive.Documents.GroupBy(d => d.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
            foreach (var doc in same)
                diagnostics.Error(doc.Path, Position.Start, DiagnosticCode.DuplicateId,
                    $"id '{doc.Id}' is also used by {string.Join(", ", same.Where(o => !ReferenceEquals(o, doc)).Select(o => o.Path))}; ids are unique across all kinds");
        var renamed = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var doc in archive.Documents)
            foreach (var old in doc.FormerIds)
            {
                if (byId.TryGetValue(old.Id, out var holder))
                    diagnostics.Error(doc.Path, old.At, DiagnosticCode.DuplicateId,
                        $"former id '{old.Id}' is the id of {holder.Path}; a former id must not be in use");
                else if (!renamed.TryAdd(old.Id, doc))
                    diagnostics.Error(doc.Path, old.At, DiagnosticCode.DuplicateId,
                        $"former id '{old.Id}' is already listed by {renamed[old.Id].Path}");
            }

        var index = new Index(byId, renamed, archive.Unread, archive.Catalog, new ConcurrentDictionary<string, byte>(StringComparer.Ordinal));
        Parallel.ForEach(archive.Documents, doc => CheckDocument(doc, index, diagnostics));

        var footer = new References(archive.Site.Path, [], index, diagnostics);
        foreach (var page in archive.Site.Footer) footer.One(page, "footer page", [DocumentKind.Page]);
        foreach (var source in archive.Catalog.Values.Where(c => !index.CitedFromCatalog.ContainsKey(c.Id)))
            diagnostics.Warning(source.Path, Position.Start, DiagnosticCode.UnusedSource,
                $"catalog source '{source.Id}' is cited by no file; cite it with [@{source.Id}] where it supports a fact, or remove the file");
        SourceDescriptions.Check(archive, diagnostics);
    }

    /// <param name="CitedFromCatalog">The catalog sources some other file cites, filled in as documents are checked.</param>
    private sealed record Index(Dictionary<string, Document> ById, Dictionary<string, Document> Renamed,
        IReadOnlyDictionary<string, DocumentKind> Unread, IReadOnlyDictionary<string, CatalogSource> Catalog,
        ConcurrentDictionary<string, byte> CitedFromCatalog);

    private static void CheckDocument(Document doc, Index index, DiagnosticBag diagnostics)
    {
        var check = new References(doc.Path, doc.Sources, index, diagnostics, doc.Id);
        switch (doc)
        {
            case Briefing b:
                check.All(b.Countries, "country", Countries);
                check.All(b.Actors, "actor", Actors);
                check.All(b.Agreements, "agreement", [DocumentKind.Agreement]);
                foreach (var e in b.Events)
                {
                    check.One(e.From, "'from' country", Countries);
                    check.One(e.To, "'to' country", Countries);
                    check.All(e.Participants, "participant", Actors);
                    check.Sources(e.Sources.Select(c => c.Source));
                    check.All(e.SummaryRefs.Mentions, "mention", AnyKind);
                    check.Sources(e.SummaryRefs.Citations);
                    check.Loose(e.SummaryRefs.Loose);
                }
                break;
            case Institution i:
                check.One(i.Country, "country", Countries);
                check.One(i.Parent, "parent institution", [DocumentKind.Institution]);
                if (i.Parent?.Id == i.Id)
                    diagnostics.Error(doc.Path, i.Parent.At, DiagnosticCode.SelfReference, "an institution cannot be its own parent");
                break;
            case Person p:
                check.One(p.Country, "country", Countries);
                foreach (var post in p.Positions)
                {
                    check.One(post.Institution, "institution", [DocumentKind.Institution]);
                    check.Sources(post.Sources.Select(c => c.Source));
                }
                break;
            case Agreement a:
                check.All(a.Parties, "party", Actors);
                break;
        }
        foreach (var c in doc.Corrections)
        {
            check.All(c.NoteRefs.Mentions, "mention", AnyKind);
            check.Sources(c.NoteRefs.Citations);
            check.Loose(c.NoteRefs.Loose);
        }
        check.All(doc.BodyRefs.Mentions, "mention", AnyKind);
        check.Sources(doc.BodyRefs.Citations);
        check.Loose(doc.BodyRefs.Loose);
        check.SourceList();
    }

    /// <summary>Reference checks for one file, remembering which of its sources are cited.</summary>
    /// <param name="own">The file's own sources.</param>
    /// <param name="self">The file's id: a catalog source citing itself in its notes does not count as cited.</param>
    private sealed class References(string path, IReadOnlyList<Source> own, Index index, DiagnosticBag diagnostics, string? self = null)
    {
        private readonly HashSet<string> _cited = new(StringComparer.Ordinal);

        public void All(IEnumerable<Ref> refs, string role, DocumentKind[] kinds)
        {
            foreach (var r in refs) One(r, role, kinds);
        }

        public void One(Ref? r, string role, DocumentKind[] kinds)
        {
            if (r is null || r.Id.Length == 0) return;
            if (index.ById.TryGetValue(r.Id, out var target))
            {
                if (!kinds.Contains(target.Kind))
                    diagnostics.Error(path, r.At, DiagnosticCode.WrongKind,
                        $"{role} '{r.Id}' is {A(target.Kind)}; it must be {Expected(kinds)}");
                return;
            }
            if (index.Unread.TryGetValue(r.Id, out var unreadKind))
            {
                // The file is there but has its own error; only a reference of the wrong kind is worth saying.
                if (!kinds.Contains(unreadKind))
                    diagnostics.Error(path, r.At, DiagnosticCode.WrongKind,
                        $"{role} '{r.Id}' is {A(unreadKind)}; it must be {Expected(kinds)}");
                return;
            }
            if (index.Renamed.TryGetValue(r.Id, out var current))
            {
                diagnostics.Error(path, r.At, DiagnosticCode.UnknownId,
                    $"unknown {role} '{r.Id}': it was renamed (did you mean '{current.Id}'?)");
                return;
            }
            var candidates = index.ById.Values.Where(d => kinds.Contains(d.Kind)).Select(d => d.Id);
            diagnostics.Error(path, r.At, DiagnosticCode.UnknownId,
                $"unknown {role} '{Quoting.Shorten(r.Id)}'{Suggestions.Hint(r.Id, candidates)}");
        }

        /// <summary>Whether the file may cite the source: one of its own, or the catalog's.</summary>
        private bool MayCite(string id) => own.Any(s => s.Id == id) || index.Catalog.ContainsKey(id);

        public void Sources(IEnumerable<Ref> refs)
        {
            foreach (var r in refs)
            {
                _cited.Add(r.Id);
                if (own.Any(s => s.Id == r.Id)) continue;
                if (index.Catalog.ContainsKey(r.Id))
                {
                    if (r.Id != self) index.CitedFromCatalog.TryAdd(r.Id, 0);
                    continue;
                }
                if (index.Unread.TryGetValue(r.Id, out var kind) && kind == DocumentKind.Source) continue; // it has its own error
                diagnostics.Error(path, r.At, DiagnosticCode.UnknownSource,
                    $"source '{Quoting.Shorten(r.Id)}' is not listed in this file's sources{Suggestions.Hint(r.Id, own.Select(s => s.Id).Concat(index.Catalog.Keys))}, nor is it in the catalog (input/sources/)");
            }
        }

        /// <summary><c>[id]</c> or a bare <c>@id</c> where the id is a source the file may cite: the citation would be lost.</summary>
        public void Loose(IEnumerable<LooseCitation> loose)
        {
            foreach (var l in loose.Where(l => MayCite(l.Id.Id)))
                diagnostics.Error(path, l.Id.At, DiagnosticCode.MiswrittenCitation,
                    $"'{l.Written}' is not a citation and would be published as plain text; write [@{l.Id.Id}]");
        }

        public void SourceList()
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var s in own.Where(s => s.Id.Length > 0))
            {
                if (index.Catalog.TryGetValue(s.Id, out var shared))
                    diagnostics.Error(path, s.At, DiagnosticCode.CatalogIdListed,
                        $"source '{s.Id}' is in the catalog ({shared.Path}); cite it as [@{s.Id}] without listing it here, and remove this entry");
                else if (!seen.Add(s.Id))
                    diagnostics.Error(path, s.At, DiagnosticCode.DuplicateSource, $"source id '{s.Id}' is listed twice in this file");
                else if (!_cited.Contains(s.Id))
                    diagnostics.Warning(path, s.At, DiagnosticCode.UnusedSource,
                        $"source '{s.Id}' is listed but never cited; cite it with [@{s.Id}] or remove it");
            }
        }

        private static string Expected(DocumentKind[] kinds) =>
            kinds.Length == DocumentKinds.All.Length ? "an existing id" : string.Join(" or ", kinds.Select(A));

        /// <summary>"a person", "an institution", "an agreement".</summary>
        private static string A(DocumentKind kind) => (kind.Noun()[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an " : "a ") + kind.Noun();
    }
}
