using BenchmarkDotNet.Attributes;
using Briefings.Checking;
using Briefings.Errors;
using Briefings.Model;
using Briefings.Publishing;
using Briefings.Reading;
using Briefings.Rendering;
using Briefings.Resolving;
using Briefings.Site;

namespace Briefings.Benchmarks;

/// <summary>The hot stages of a build, one benchmark each, on a generated archive of 1,000 briefings (the
/// proportions of tests/bench/run.sh). tests/bench/run.sh times whole builds against Hugo; these say which
/// stage a change made faster or slower, and what it allocates.</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 8)]
public class Stages
{
    private string _root = "";
    private string _input = "";
    private Archive _archive = null!;
    private ArchiveIndex _index = null!;
    private Theme _theme = null!;
    private List<PageSpec> _briefingPages = null!;
    private SiteView _site = null!;
    private string _fileText = "";

    [GlobalSetup]
    public void Setup()
    {
        _root = Directory.CreateTempSubdirectory("briefings-benchmarks-").FullName;
        _input = Path.Combine(_root, "input");
        Corpus.ArchiveWriter.Write(Corpus.Builder.Build(1000, seed: 1), _input);
        var loaded = ArchiveLoader.Load(_input);
        if (loaded.HasErrors) throw new InvalidOperationException("the generated archive does not check: " + loaded.Diagnostics[0]);
        _archive = loaded.Archive;
        _index = new ArchiveIndex(_archive);
        _theme = Theme.Locate(_input);
        _site = SiteView.Of(_archive.Site);
        _briefingPages = new SitePages(_index, new ViewFactory(_index)).All().Where(p => p.Template == "briefing").ToList();
        _fileText = File.ReadAllText(Directory.EnumerateFiles(Path.Combine(_input, "briefings"), "*.md", SearchOption.AllDirectories).First());
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    /// <summary>Reading: every file of the archive into the model (front matter, Markdown bodies, fields).</summary>
    [Benchmark]
    public Archive Read() => ArchiveReader.Read(_input, new DiagnosticBag());

    /// <summary>One briefing file's front matter and body, without the disk.</summary>
    [Benchmark]
    public Document? ReadOneBriefing()
    {
        var bag = new DiagnosticBag();
        var file = ContentFile.Split(_fileText, "b.md", bag)!;
        return DocumentReader.Read(DocumentKind.Briefing, "b", file, bag);
    }

    [Benchmark]
    public int Check()
    {
        var bag = new DiagnosticBag();
        Checker.Check(_archive, bag);
        return bag.Sorted().Count;
    }

    [Benchmark]
    public ArchiveIndex Resolve() => new(_archive);

    /// <summary>Rendering: the model and template of every briefing page, into nowhere (no disk).</summary>
    [Benchmark]
    public void RenderBriefingPages()
    {
        foreach (var page in _briefingPages) _theme.Render(page.Template, page.Model(), _site, TextWriter.Null);
    }

    [Benchmark]
    public long Feeds() => Publishing.Feeds.All(_index).Sum(f => (long)f.Content().Length);

    [Benchmark]
    public int DataFiles() => Publisher.WriteArchiveFiles(_index, [], (_, write) => write(Stream.Null));
}
