using System.Xml.Linq;

namespace Proeftuin.Tests.Infrastructure;

/// <summary>
/// The English texts: Resources/SharedResource.en.resx plus each feature's Features/&lt;X&gt;/Texts.en.resx.
/// Tests read all of them together, as the app's localizer does.
/// </summary>
public static class EnglishTexts
{
    public const string SharedPath = "src/Proeftuin/Resources/SharedResource.en.resx";

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Proeftuin.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No Proeftuin.slnx above {AppContext.BaseDirectory}.");
    }

    /// <summary>Paths relative to the repository, shared first.</summary>
    public static IReadOnlyList<string> Files()
    {
        var root = RepoRoot();
        var features = Directory.EnumerateFiles(Path.Combine(root, "src", "Proeftuin", "Features"), "Texts.en.resx", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Where(p => !p.Split('/').Any(s => s is "bin" or "obj"))
            .Order(StringComparer.Ordinal);
        return [SharedPath, .. features];
    }

    /// <summary>Every &lt;data&gt; element of every file, with the file it came from.</summary>
    public static IEnumerable<(string File, XElement Data)> Entries()
    {
        var root = RepoRoot();
        foreach (var file in Files())
        {
            foreach (var data in XDocument.Load(Path.Combine(root, file)).Root!.Elements("data"))
                yield return (file, data);
        }
    }

    public static List<string> Names() => Entries().Select(e => (string?)e.Data.Attribute("name") ?? "").ToList();

    public static Dictionary<string, string> ByName() => Entries().ToDictionary(
        e => (string)e.Data.Attribute("name")!, e => (string?)e.Data.Element("value") ?? "", StringComparer.Ordinal);
}
