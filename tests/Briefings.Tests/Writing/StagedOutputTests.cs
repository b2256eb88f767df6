using Briefings.Tests.Support;
using Briefings.Writing;

namespace Briefings.Tests.Writing;

/// <summary>The build's staging folder, as the build uses it: many threads writing at once.</summary>
public sealed class StagedOutputTests
{
    [Fact]
    public void Files_written_at_once_into_the_same_new_folders_are_all_there()
    {
        using var temp = new TempFolder();
        var target = temp["site"];
        // Rounds of fresh, deep folders, each written into by several threads released at the same moment: none
        // may write before the folder another thread is making exists.
        const int Rounds = 100, Writers = 4;
        using (var output = new StagedOutput(target))
        {
            for (int round = 0; round < Rounds; round++)
            {
                using var start = new Barrier(Writers);
                var folder = $"round-{round}/a/b/c/d/e/f/g/h";
                Parallel.For(0, Writers, new ParallelOptions { MaxDegreeOfParallelism = Writers }, i =>
                {
                    start.SignalAndWait();
                    output.WriteStream($"{folder}/file-{i}.txt", s => s.Write([(byte)'a', (byte)i]));
                });
            }
            output.Commit();
        }
        var files = Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories).ToList();
        Assert.Equal(Rounds * Writers, files.Count);
        Assert.All(files, f => Assert.Equal(2, new FileInfo(f).Length));
    }
}
