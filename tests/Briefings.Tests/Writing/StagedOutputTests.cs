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
        var files = Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != OutputFolder.Marker).ToList();
        Assert.True(File.Exists(Path.Combine(target, OutputFolder.Marker)));
        Assert.Equal(Rounds * Writers, files.Count);
        Assert.All(files, f => Assert.Equal(2, new FileInfo(f).Length));
    }

    [Fact]
    public void The_old_output_stays_whole_until_the_swap_and_nothing_is_left_beside_it()
    {
        using var temp = new TempFolder();
        var target = temp["site"];
        using (var first = new StagedOutput(target)) { first.WriteBytes("old.html", "old"u8); first.Commit(); }

        using (var second = new StagedOutput(target))
        {
            second.WriteBytes("new.html", "new"u8);
            Assert.True(File.Exists(Path.Combine(target, "old.html")), "the old site changed before the swap");
            Assert.False(File.Exists(Path.Combine(target, "new.html")));
            second.Commit();
        }

        Assert.Equal([OutputFolder.Marker, "new.html"], Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal([Path.GetFileName(target)], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_build_starting_beside_a_running_one_leaves_its_staging_folder_alone()
    {
        using var temp = new TempFolder();
        var target = temp["site"];
        using var running = new StagedOutput(target);
        running.WriteBytes("page.html", "a"u8);

        using (var next = new StagedOutput(target)) { }

        Assert.True(File.Exists(running.Resolve("page.html")), "a live build's staging folder was removed as stale");
    }

    [Fact]
    public void An_interrupted_build_removes_its_staging_folder_and_writes_no_more()
    {
        using var temp = new TempFolder();
        using var output = new StagedOutput(temp["site"]);
        output.WriteBytes("page.html", "a"u8);

        output.Abandon(); // what the signal handler runs (Interruption.Run), for this build alone

        Assert.False(Directory.Exists(output.Root));
        Assert.Throws<OperationCanceledException>(() => output.WriteBytes("late.html", "b"u8));
        Assert.False(Directory.Exists(output.Root));
    }
}
