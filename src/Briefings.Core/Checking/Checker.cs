using Briefings.Model;
using Briefings.Reading;

namespace Briefings.Checking;

/// <summary>Checks what no single file can: ids unique across the archive, every reference pointing at an
/// existing document of the right kind, every citation at a listed source, every listed source used.</summary>
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

        var index = new Index(byId, renamed, archive.Unread);
        Parallel.ForEach(archive.Documents, doc => CheckDocument(doc, index, diagnostics));
    }

    private sealed record Index(Dictionary<string, Document> ById, Dictionary<string, Document> Renamed,
        IReadOnlyDictionary<string, DocumentKind> Unread);

    private static void CheckDocument(Document doc, Index index, DiagnosticBag diagnostics)
    {
        var check = new References(doc, index, diagnostics);
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
        check.All(doc.BodyRefs.Mentions, "mention", AnyKind);
        check.Sources(doc.BodyRefs.Citations);
        check.SourceList();
    }

    /// <summary>Reference checks for one document, remembering which of its sources are cited.</summary>
    private sealed class References(Document doc, Index index, DiagnosticBag diagnostics)
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
                    diagnostics.Error(doc.Path, r.At, DiagnosticCode.WrongKind,
                        $"{role} '{r.Id}' is {A(target.Kind)}; it must be {Expected(kinds)}");
                return;
            }
            if (index.Unread.TryGetValue(r.Id, out var unreadKind))
            {
                // The file is there but has its own error; only a reference of the wrong kind is worth saying.
                if (!kinds.Contains(unreadKind))
                    diagnostics.Error(doc.Path, r.At, DiagnosticCode.WrongKind,
                        $"{role} '{r.Id}' is {A(unreadKind)}; it must be {Expected(kinds)}");
                return;
            }
            if (index.Renamed.TryGetValue(r.Id, out var current))
            {
                diagnostics.Error(doc.Path, r.At, DiagnosticCode.UnknownId,
                    $"unknown {role} '{r.Id}': it was renamed (did you mean '{current.Id}'?)");
                return;
            }
            var candidates = index.ById.Values.Where(d => kinds.Contains(d.Kind)).Select(d => d.Id);
            diagnostics.Error(doc.Path, r.At, DiagnosticCode.UnknownId,
                $"unknown {role} '{Fields.Shorten(r.Id)}'{Suggestions.Hint(r.Id, candidates)}");
        }

        public void Sources(IEnumerable<Ref> refs)
        {
            foreach (var r in refs)
            {
                _cited.Add(r.Id);
                if (!doc.Sources.Any(s => s.Id == r.Id))
                    diagnostics.Error(doc.Path, r.At, DiagnosticCode.UnknownSource,
                        $"source '{Fields.Shorten(r.Id)}' is not listed in this file's sources{Suggestions.Hint(r.Id, doc.Sources.Select(s => s.Id))}");
            }
        }

        public void SourceList()
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var s in doc.Sources.Where(s => s.Id.Length > 0))
            {
                if (!seen.Add(s.Id))
                    diagnostics.Error(doc.Path, s.At, DiagnosticCode.DuplicateSource, $"source id '{s.Id}' is listed twice in this file");
                else if (!_cited.Contains(s.Id))
                    diagnostics.Warning(doc.Path, s.At, DiagnosticCode.UnusedSource,
                        $"source '{s.Id}' is listed but never cited; cite it with [@{s.Id}] or remove it");
            }
        }

        private static string Expected(DocumentKind[] kinds) =>
            kinds.Length == DocumentKinds.All.Length ? "an existing id" : string.Join(" or ", kinds.Select(A));

        /// <summary>"a person", "an institution", "an agreement".</summary>
        private static string A(DocumentKind kind) => (kind.Noun()[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an " : "a ") + kind.Noun();
    }
}
