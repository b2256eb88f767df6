using Briefings.Tests.Fixtures;
using Briefings.Tests.Support;

namespace Briefings.Tests.Checking;

/// <summary>The benchmark's generator (tests/Briefings.Corpus) promises archives that check clean; a small one must.</summary>
public sealed class GeneratedCorpusTests
{
    [Fact]
    public void A_generated_corpus_of_50_briefings_checks_with_no_errors_and_no_warnings()
    {
        using var temp = new TempFolder();
        var archive = Corpus.Builder.Build(50, seed: 1);
        Assert.True(Corpus.ArchiveWriter.Write(archive, temp.Path) > 50);
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        int code = Cli.Cli.Run(["check", "--input", temp.Path], stdout, stderr);

        var run = new CheckRun(code, stdout.ToString(), stderr.ToString());
        Assert.True(code == 0 && run.Lines.Count == 0, $"the generated corpus must check clean:\n{run}");
    }
}
