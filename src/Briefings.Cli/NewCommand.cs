using System.CommandLine;
using System.Text;
using Briefings.Authoring;
using Briefings.Errors;
using Briefings.Model;
using Briefings.Reading;

namespace Briefings.Cli;

/// <summary><c>briefings new &lt;kind&gt; &lt;id&gt;</c>: writes a new content file from a template and prints its path.
/// A malformed id is a wrong command line (2); an id already in use is refused like a content error (1).</summary>
public static class NewCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        var kind = new Argument<string>("kind") { Description = "briefing, country, institution, person, agreement, source (of the catalog) or page (of the site)" };
        kind.AcceptOnlyFromAmong([.. DocumentKinds.All.Select(k => k.Noun())]);
        var id = new Argument<string>("id") { Description = "The new file's id: lowercase letters, digits and single hyphens (a briefing's usually starts with its date)" };
        var title = new Option<string?>("--title") { Description = "The title (briefing, agreement, source, page) or name (country, institution, person)" };
        var input = Cli.InputOption();
        var command = new Command("new", "Write a new content file from a template, every field explained") { kind, id, title, input };
        command.SetAction(parse =>
        {
            var k = DocumentKinds.All.First(x => x.Noun() == parse.GetValue(kind));
            var newId = parse.GetValue(id)!;
            var dir = parse.GetValue(input)!;
            if (!Fields.IsValidId(newId))
            {
                stderr.WriteLine($"briefings: '{Quoting.Shorten(newId)}' is not a valid id: use lowercase letters, digits and single hyphens, at most {Fields.MaxIdLength} characters{Fields.IdHint(newId)}");
                return Cli.Usage;
            }
            if (NewFile.Existing(dir, newId) is { } existing)
            {
                stderr.WriteLine($"briefings: the id '{newId}' is taken by {ArchiveReader.Display(existing)}; ids are unique across all kinds");
                return Cli.ContentErrors;
            }
            var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
            var path = Path.Combine(dir, NewFile.RelativePath(k, newId, today));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
                file.Write(new UTF8Encoding(false).GetBytes(NewFile.Text(k, parse.GetValue(title), today, newId)));
            stdout.WriteLine(ArchiveReader.Display(Path.GetFullPath(path)));
            return Cli.Ok;
        });
        return command;
    }
}
