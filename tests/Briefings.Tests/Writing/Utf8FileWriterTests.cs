using System.Text;
using Briefings.Tests.Support;
using Briefings.Writing;

namespace Briefings.Tests.Writing;

/// <summary>What a page writer puts in a file is exactly the text's UTF-8, however the text arrives.</summary>
public sealed class Utf8FileWriterTests
{
    // Hangul, Cyrillic, an emoji (a surrogate pair) and markup, repeated past the writer's chunk and buffer sizes.
    private static readonly string Text = string.Concat(Enumerable.Range(0, 9000).Select(i => $"김명길 Ким {i} 🇰🇵 <a href=\"/x/\">&amp;</a>\n"));

    private static byte[] Written(Action<TextWriter> write)
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "page.html");
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
        using (var writer = new Utf8FileWriter(file))
            write(writer);
        return File.ReadAllBytes(path);
    }

    [Fact]
    public void One_large_write_is_the_texts_UTF8() =>
        Assert.Equal(Encoding.UTF8.GetBytes(Text), Written(w => w.Write(Text)));

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4095)]
    [InlineData(4097)]
    public void Writes_cut_anywhere_even_inside_a_surrogate_pair_give_the_same_bytes(int piece) =>
        Assert.Equal(Encoding.UTF8.GetBytes(Text), Written(w =>
        {
            for (int i = 0; i < Text.Length; i += piece) w.Write(Text.AsSpan(i, Math.Min(piece, Text.Length - i)));
        }));

    [Fact]
    public void Single_characters_and_async_writes_arrive_in_order() =>
        Assert.Equal(Encoding.UTF8.GetBytes("a🇰🇵b<c>"), Written(w =>
        {
            w.Write('a');
            foreach (var c in "🇰🇵") w.Write(c);
            w.WriteAsync("b").GetAwaiter().GetResult();
            w.WriteAsync("<c>".ToCharArray(), 0, 3).GetAwaiter().GetResult();
        }));

    [Fact]
    public void A_lone_surrogate_becomes_a_replacement_character_not_invalid_UTF8() =>
        Assert.Equal(Encoding.UTF8.GetBytes("x\uFFFDy\uFFFD"), Written(w =>
        {
            w.Write("x\uD83C");
            w.Write("y\uD83C");
        }));
}
