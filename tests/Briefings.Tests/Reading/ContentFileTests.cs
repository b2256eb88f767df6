using System.Text;
using Briefings.Errors;
using Briefings.Reading;
using Briefings.Tests.Support;

namespace Briefings.Tests.Reading;

/// <summary>However an editor saved a file (byte-order mark, CRLF, old Mac CR), it is read as the same text.</summary>
public sealed class ContentFileTests
{
    private const string Text = "---\ntitle: \"Talks in Pyongyang\"\ndate: 2019-06-14\n---\n\nFirst paragraph.\n\n김명길 met [[kang-yun-sok]].\n";

    private static ContentFile Read(byte[] bytes)
    {
        using var temp = new TempFolder();
        File.WriteAllBytes(temp["b.md"], bytes);
        var diagnostics = new DiagnosticBag();
        var file = ContentFile.Read(temp["b.md"], "b.md", diagnostics);
        Assert.Empty(diagnostics.Sorted());
        return file!;
    }

    [Theory]
    [InlineData("LF", false, "\n")]
    [InlineData("CRLF", false, "\r\n")]
    [InlineData("CR", false, "\r")]
    [InlineData("BOM and CRLF", true, "\r\n")]
    [InlineData("BOM and LF", true, "\n")]
    public void Every_way_of_ending_lines_gives_the_same_front_matter_and_body(string what, bool bom, string newline)
    {
        var bytes = Encoding.UTF8.GetBytes(Text.Replace("\n", newline));
        if (bom) bytes = [0xEF, 0xBB, 0xBF, .. bytes];

        var file = Read(bytes);

        Assert.True(file.FrontMatter == "title: \"Talks in Pyongyang\"\ndate: 2019-06-14\n", what);
        Assert.Equal("\nFirst paragraph.\n\n김명길 met [[kang-yun-sok]].\n", file.Body);
        Assert.Equal(2, file.FrontMatterLine);
        Assert.Equal(5, file.BodyLine);
    }

    [Fact]
    public void A_bad_byte_is_reported_at_its_line_and_column()
    {
        using var temp = new TempFolder();
        File.WriteAllBytes(temp["b.md"], [.. Encoding.UTF8.GetBytes("---\ntitle: ab"), 0xFF, .. Encoding.UTF8.GetBytes("\n---\n")]);
        var diagnostics = new DiagnosticBag();

        Assert.Null(ContentFile.Read(temp["b.md"], "b.md", diagnostics));

        var error = Assert.Single(diagnostics.Sorted());
        Assert.Equal(DiagnosticCode.NotUtf8.Code, error.Code);
        Assert.Equal((2, 10), (error.At.Line, error.At.Column));
    }
}
