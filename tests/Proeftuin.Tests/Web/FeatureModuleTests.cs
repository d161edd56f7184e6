using System.Globalization;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Tests.Web;

/// <summary>The seams of issue 10: every feature folder is a module, its texts reach English, its workspace links show by permission.</summary>
public sealed class FeatureModuleTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    [Fact]
    public void Every_feature_folder_is_an_installed_module()
    {
        var installed = factory.Services.GetRequiredService<InstalledModules>().Modules
            .Select(m => m.GetType().Namespace!.Split('.').Last()).ToHashSet(StringComparer.Ordinal);
        var folders = Directory.EnumerateDirectories(Path.Combine(EnglishTexts.RepoRoot(), "src", "Proeftuin", "Features"))
            .Where(d => Directory.EnumerateFiles(d, "*.cs").Any())
            .Select(Path.GetFileName).ToList();

        var missing = folders.Where(f => !installed.Contains(f!)).ToList();
        Assert.True(missing.Count == 0, "These feature folders have no module listed in Program.cs: " + string.Join(", ", missing));
        // Each module is the folder's one setup class, named after it.
        foreach (var module in factory.Services.GetRequiredService<InstalledModules>().Modules)
            Assert.Equal(module.GetType().Namespace!.Split('.').Last() + "Module", module.GetType().Name);
    }

    [Fact]
    public void Every_feature_resx_is_declared_by_its_module_and_reaches_English()
    {
        var localizer = factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var featureFiles = EnglishTexts.Files().Where(f => f != EnglishTexts.SharedPath).ToList();
        Assert.NotEmpty(featureFiles);
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var file in featureFiles)
            {
                var first = XDocument.Load(Path.Combine(EnglishTexts.RepoRoot(), file)).Root!.Elements("data").First();
                var key = (string)first.Attribute("name")!;
                var english = (string)first.Element("value")!;

                CultureInfo.CurrentUICulture = new CultureInfo("en");
                Assert.True(english == localizer[key].Value, $"{file}: '{key}' does not reach English; does its module override Texts?");
                CultureInfo.CurrentUICulture = new CultureInfo("nl");
                Assert.Equal(key, localizer[key].Value);
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Shared_texts_still_reach_English_through_the_same_localizer()
    {
        var localizer = factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Equal("Please fill in this field.", localizer["Vul dit veld in."].Value);
            Assert.True(localizer["Een tekst die nergens staat"].ResourceNotFound);
            Assert.Equal("Een tekst die nergens staat", localizer["Een tekst die nergens staat"].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task Workspace_links_come_from_the_modules_in_order_and_by_permission()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var page = await facilitator.OpenAsync($"/projecten/{team.Id}");
        var links = page.Document.QuerySelectorAll(".pt-workspace__list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(
        [
            // Dashboard (issue 12): the overview first.
            $"/projecten/{team.Id}/overzicht",
            $"/projecten/{team.Id}/verhalen", $"/projecten/{team.Id}/draad", $"/projecten/{team.Id}/ideeen",
            // Initiatives (issue 14): after the ideas they often grow from; vraag en aanbod beside them.
            $"/initiatieven?project={team.Id}", $"/vraag-en-aanbod?project={team.Id}", $"/projecten/{team.Id}/analyse",
            $"/projecten/{team.Id}/zoeken", $"/projecten/{team.Id}/sessies", $"/werkvormen?project={team.Id}", $"/projecten/{team.Id}/prototypes", $"/projecten/{team.Id}/proeven",
            $"/projecten/{team.Id}/leeragenda", $"/projecten/{team.Id}/innovatiereis", $"/lessen?project={team.Id}", $"/projecten/{team.Id}/reflecties",
            // Review board (issue 13): for the project's members and admins.
            $"/projecten/{team.Id}/review",
            // Activities (issue 14): for everyone who reads the project.
            $"/activiteiten?project={team.Id}",
            $"/projecten/{team.Id}/verhaalvragen",
            $"/projecten/{team.Id}/verhalen/optekenen", $"/projecten/{team.Id}/duidingskader",
        ], links);

        using var anonymous = factory.NewBrowser();
        var open = await anonymous.OpenAsync($"/projecten/{team.Id}");
        Assert.Equal(
            [$"/projecten/{team.Id}/overzicht", $"/projecten/{team.Id}/verhalen", $"/projecten/{team.Id}/draad", $"/projecten/{team.Id}/ideeen", $"/initiatieven?project={team.Id}", $"/vraag-en-aanbod?project={team.Id}", $"/projecten/{team.Id}/analyse",
             $"/projecten/{team.Id}/zoeken", $"/projecten/{team.Id}/prototypes", $"/projecten/{team.Id}/proeven", $"/projecten/{team.Id}/leeragenda",
             $"/projecten/{team.Id}/innovatiereis", $"/lessen?project={team.Id}", $"/projecten/{team.Id}/reflecties",
             $"/activiteiten?project={team.Id}"], // Activities (issue 14)
            open.Document.QuerySelectorAll(".pt-workspace__list a").Select(a => a.GetAttribute("href")).ToList());

        using var observer = await factory.SignInAsync(team.Observer.Email!);
        var observed = await observer.OpenAsync($"/projecten/{team.Id}");
        Assert.Contains($"/projecten/{team.Id}/sessies", observed.Document.QuerySelectorAll(".pt-workspace__list a").Select(a => a.GetAttribute("href")));
        Assert.DoesNotContain($"/projecten/{team.Id}/duidingskader", observed.Document.QuerySelectorAll(".pt-workspace__list a").Select(a => a.GetAttribute("href")));
        Assert.Contains($"/projecten/{team.Id}/review", observed.Document.QuerySelectorAll(".pt-workspace__list a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Workspace_orders_and_filters_links_from_any_module()
    {
        var workspace = new Workspace(
        [
            new WorkspaceLink("Later", id => $"/p/{id}/later", 90, _ => true),
            new WorkspaceLink("Eerst", id => $"/p/{id}/eerst", 5, _ => true),
            new WorkspaceLink("Alleen beheer", id => $"/p/{id}/beheer", 50, p => p.CanManage),
        ]);
        var reader = new ProjectPermissions(1, 1, Visibility.Open, null, null, IsAdmin: false, IsSignedIn: false);
        var facilitator = reader with { Role = ProjectRole.Facilitator, IsSignedIn = true };

        Assert.Equal(["Eerst", "Later"], workspace.For(reader).Select(l => l.Text));
        Assert.Equal(["Eerst", "Alleen beheer", "Later"], workspace.For(facilitator).Select(l => l.Text));
        Assert.Equal("/p/7/beheer", workspace.For(facilitator)[1].Url(7));
    }
}
