using System.Text.RegularExpressions;

namespace Proeftuin.Tests.Web;

/// <summary>
/// The theme stylesheet is one file several people append to: a block left open (an @media without its closing brace)
/// silently swallows every rule after it, so they only apply when printing or in forced colours.
/// </summary>
public sealed class StylesheetTests
{
    [Fact]
    public void Every_block_in_the_theme_stylesheet_is_closed_where_it_should_be()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Proeftuin.slnx"))) dir = dir.Parent;
        var css = File.ReadAllText(Path.Combine(dir!.FullName, "src/Proeftuin/wwwroot/css/proeftuin.css"));
        var lines = Regex.Replace(css, @"/\*.*?\*/", m => new string('\n', m.Value.Count(c => c == '\n')), RegexOptions.Singleline).Split('\n');
        var open = new Stack<int>();
        for (var i = 0; i < lines.Length; i++)
        {
            // A line that starts without indentation is a top-level rule: nothing may still be open there
            // (the rules inside an @media block are indented).
            if (open.Count > 0 && lines[i].Length > 0 && !char.IsWhiteSpace(lines[i][0]) && lines[i][0] != '}')
                Assert.Fail($"proeftuin.css line {i + 1} starts a top-level rule while the block opened on line {open.Peek()} is still open");
            foreach (var c in lines[i])
            {
                if (c == '{') open.Push(i + 1);
                else if (c == '}') Assert.True(open.TryPop(out _), $"proeftuin.css line {i + 1}: '}}' closes nothing");
            }
        }
        Assert.True(open.Count == 0, $"proeftuin.css: the block opened on line {(open.Count > 0 ? open.Peek() : 0)} is never closed");
    }
}
